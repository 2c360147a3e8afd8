import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { PageQueryDto } from '../../platform/http/page-query.dto.js';
import { RequireRole } from './access/access-policy.decorator.js';
import type { Actor } from './access/actor.js';
import { CurrentActor } from './access/current-actor.decorator.js';
import { ChangeUserRoleCommand } from './commands/change-user-role.command.js';
import { CreateUserCommand } from './commands/create-user.command.js';
import { DeleteUserCommand } from './commands/delete-user.command.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { UpdateUserRoleDto } from './dto/update-user-role.dto.js';
import { UserPageResponse } from './dto/user-page.response.js';
import { UserResponse } from './dto/user.response.js';
import { ListUsersQuery } from './queries/list-users.query.js';

@ApiTags('users')
@Controller('api/users')
@RequireRole('admin')
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: "List the tenant's users" })
  @ApiOkResponse({ type: UserPageResponse })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<UserPageResponse> {
    return this.queries.execute(new ListUsersQuery(actor.tenantId, actor.id, query.page, query.limit));
  }

  /** Adds a user with a first password; the role may not exceed the caller's. */
  @Post()
  @ApiOperation({ summary: 'Add a user' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiProblems(400, 401, 403, 409)
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserResponse> {
    return this.commands.execute(
      new CreateUserCommand(actor.tenantId, actor.id, actor.role, body.email, body.password, body.role),
    );
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a user's role" })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  changeRole(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserRoleDto,
  ): Promise<UserResponse> {
    return this.commands.execute(new ChangeUserRoleCommand(actor.tenantId, actor.id, actor.role, id, body.role));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a user' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblems(400, 401, 403, 404, 409)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.commands.execute(new DeleteUserCommand(actor.tenantId, actor.id, actor.role, id));
  }
}
