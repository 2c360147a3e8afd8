import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { PageQueryDto } from '../../platform/http/page-query.dto.js';
import { RequireRole } from './access/access-policy.decorator.js';
import type { Actor } from './access/actor.js';
import { CurrentActor } from './access/current-actor.decorator.js';
import { CreateApiKeyCommand } from './commands/create-api-key.command.js';
import { RevokeApiKeyCommand } from './commands/revoke-api-key.command.js';
import { ApiKeyPageResponse } from './dto/api-key-page.response.js';
import { CreateApiKeyDto } from './dto/create-api-key.dto.js';
import { CreatedApiKeyResponse } from './dto/created-api-key.response.js';
import { ListApiKeysQuery } from './queries/list-api-keys.query.js';

@ApiTags('api-keys')
@Controller('api/api-keys')
@RequireRole('admin')
export class ApiKeysController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** The key is in this answer only; it is stored hashed. */
  @Post()
  @ApiOperation({ summary: 'Create an API key for a machine client' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  @ApiProblems(400, 401, 403)
  create(@CurrentActor() actor: Actor, @Body() body: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    return this.commands.execute(new CreateApiKeyCommand(actor.tenantId, actor.id, actor.role, body.name, body.role));
  }

  @Get()
  @ApiOperation({ summary: "List the tenant's API keys (never the keys themselves)" })
  @ApiOkResponse({ type: ApiKeyPageResponse })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<ApiKeyPageResponse> {
    return this.queries.execute(new ListApiKeysQuery(actor.tenantId, actor.id, query.page, query.limit));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiProblems(400, 401, 403, 404)
  async revoke(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.commands.execute(new RevokeApiKeyCommand(actor.tenantId, actor.id, id));
  }
}
