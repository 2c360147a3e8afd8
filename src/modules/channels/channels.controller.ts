import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { PageQueryDto } from '../../platform/http/page-query.dto.js';
import { RequireRole, type Actor, CurrentActor } from '../auth/index.js';
import { DeleteChannelCommand } from './commands/delete-channel.command.js';
import { SaveChannelCommand } from './commands/save-channel.command.js';
import { ChannelPageResponse, ChannelResponse, CreateChannelDto, UpdateChannelDto } from './dto/channel.dto.js';
import { GetChannelQuery } from './queries/get-channel.query.js';
import { ListChannelsQuery } from './queries/list-channels.query.js';

@ApiTags('channels')
@Controller('api/channels')
export class ChannelsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @RequireRole('editor')
  @ApiOperation({ summary: 'Connect a provider account' })
  @ApiCreatedResponse({ type: ChannelResponse })
  @ApiProblems(400, 401, 403)
  create(@CurrentActor() actor: Actor, @Body() body: CreateChannelDto): Promise<ChannelResponse> {
    return this.commands.execute(new SaveChannelCommand(actor.tenantId, actor.id, null, body));
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List channels (credentials masked)' })
  @ApiOkResponse({ type: ChannelPageResponse })
  @ApiProblems(400, 401)
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<ChannelPageResponse> {
    return this.queries.execute(new ListChannelsQuery(actor.tenantId, actor.id, query.page, query.limit));
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a channel' })
  @ApiOkResponse({ type: ChannelResponse })
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ChannelResponse> {
    return this.queries.execute(new GetChannelQuery(actor.tenantId, actor.id, id));
  }

  @Put(':id')
  @RequireRole('editor')
  @ApiOperation({ summary: 'Rename a channel or replace its credentials' })
  @ApiOkResponse({ type: ChannelResponse })
  @ApiProblems(400, 401, 403, 404)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateChannelDto,
  ): Promise<ChannelResponse> {
    return this.commands.execute(new SaveChannelCommand(actor.tenantId, actor.id, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Delete a channel' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 401, 403, 404)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.commands.execute(new DeleteChannelCommand(actor.tenantId, actor.id, id));
  }
}
