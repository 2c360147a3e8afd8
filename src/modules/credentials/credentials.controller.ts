import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { PageQueryDto } from '../../platform/http/page-query.dto.js';
import { RequireRole, type Actor, CurrentActor } from '../auth/index.js';
import { CreateCredentialCommand } from './commands/create-credential.command.js';
import { DeleteCredentialCommand } from './commands/delete-credential.command.js';
import { CreateCredentialDto } from './dto/create-credential.dto.js';
import { CreatedCredentialResponse, CredentialPageResponse } from './dto/credential.response.js';
import { ListCredentialsQuery } from './queries/list-credentials.query.js';

@ApiTags('credentials')
@Controller('api/credentials')
export class CredentialsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Stored encrypted with the tenant's key; answers only a masked view. */
  @Post()
  @RequireRole('editor')
  @ApiOperation({ summary: 'Create a credential for outbound actions' })
  @ApiCreatedResponse({ type: CreatedCredentialResponse })
  @ApiProblems(400, 401, 403)
  create(@CurrentActor() actor: Actor, @Body() body: CreateCredentialDto): Promise<CreatedCredentialResponse> {
    return this.commands.execute(new CreateCredentialCommand(actor.tenantId, actor.id, body));
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List credentials (masked)' })
  @ApiOkResponse({ type: CredentialPageResponse })
  @ApiProblems(400, 401)
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<CredentialPageResponse> {
    return this.queries.execute(new ListCredentialsQuery(actor.tenantId, actor.id, query.page, query.limit));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Delete a credential' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 401, 403, 404)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.commands.execute(new DeleteCredentialCommand(actor.tenantId, actor.id, id));
  }
}
