import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { RequireRole, type Actor, CurrentActor } from '../auth/index.js';
import { CreateWebhookCommand } from './commands/create-webhook.command.js';
import { RegenerateWebhookTokenCommand } from './commands/regenerate-webhook-token.command.js';
import { ReplayWebhookEventCommand } from './commands/replay-webhook-event.command.js';
import { UpdateWebhookCommand } from './commands/update-webhook.command.js';
import { CreateWebhookDto } from './dto/create-webhook.dto.js';
import { IngressResponse } from './dto/ingress.response.js';
import { ListWebhookEventsQueryDto } from './dto/list-webhook-events-query.dto.js';
import { ListWebhooksQueryDto } from './dto/list-webhooks-query.dto.js';
import { UpdateWebhookDto } from './dto/update-webhook.dto.js';
import { WebhookEventPageResponse, WebhookEventResponse } from './dto/webhook-event.response.js';
import { WebhookPageResponse, WebhookResponse, WebhookTokenResponse } from './dto/webhook.response.js';
import { GetWebhookEventQuery } from './queries/get-webhook-event.query.js';
import { GetWebhookQuery } from './queries/get-webhook.query.js';
import { ListWebhookEventsQuery } from './queries/list-webhook-events.query.js';
import { ListWebhooksQuery } from './queries/list-webhooks.query.js';

@ApiTags('webhooks')
@Controller('api/webhooks')
export class WebhooksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Binds an inbound endpoint to a `trigger.webhook` node; the answer carries its URL and token. */
  @Post()
  @RequireRole('editor')
  @ApiOperation({ summary: 'Create a webhook' })
  @ApiCreatedResponse({ type: WebhookResponse })
  @ApiProblems(400, 401, 403, 404)
  create(@CurrentActor() actor: Actor, @Body() body: CreateWebhookDto): Promise<WebhookResponse> {
    return this.commands.execute(new CreateWebhookCommand(actor.tenantId, actor.id, body));
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List webhooks' })
  @ApiOkResponse({ type: WebhookPageResponse })
  @ApiProblems(400, 401)
  list(@CurrentActor() actor: Actor, @Query() query: ListWebhooksQueryDto): Promise<WebhookPageResponse> {
    return this.queries.execute(new ListWebhooksQuery(actor.tenantId, actor.id, query));
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a webhook' })
  @ApiOkResponse({ type: WebhookResponse })
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookResponse> {
    return this.queries.execute(new GetWebhookQuery(actor.tenantId, actor.id, id));
  }

  @Put(':id')
  @RequireRole('editor')
  @ApiOperation({ summary: 'Update a webhook' })
  @ApiOkResponse({ type: WebhookResponse })
  @ApiProblems(400, 401, 403, 404)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateWebhookDto,
  ): Promise<WebhookResponse> {
    return this.commands.execute(
      new UpdateWebhookCommand(actor.tenantId, actor.id, id, { kind: 'update', input: body }),
    );
  }

  /** Deactivates: ingress answers 410, events are kept. */
  @Delete(':id')
  @HttpCode(204)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Deactivate a webhook' })
  @ApiNoContentResponse({ description: 'Deactivated.' })
  @ApiProblems(400, 401, 403, 404)
  async deactivate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.commands.execute(new UpdateWebhookCommand(actor.tenantId, actor.id, id, { kind: 'deactivate' }));
  }

  @Post(':id/activate')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Activate a webhook again' })
  @ApiOkResponse({ type: WebhookResponse })
  @ApiProblems(400, 401, 403, 404)
  activate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookResponse> {
    return this.commands.execute(new UpdateWebhookCommand(actor.tenantId, actor.id, id, { kind: 'activate' }));
  }

  /** The old token stops working at once. */
  @Post(':id/regenerate-token')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Replace the ingress token' })
  @ApiOkResponse({ type: WebhookTokenResponse })
  @ApiProblems(400, 401, 403, 404)
  regenerateToken(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookTokenResponse> {
    return this.commands.execute(new RegenerateWebhookTokenCommand(actor.tenantId, actor.id, id));
  }

  @Get(':id/events')
  @RequireRole('viewer')
  @ApiOperation({ summary: "A webhook's received events" })
  @ApiOkResponse({ type: WebhookEventPageResponse })
  @ApiProblems(400, 401, 404)
  events(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListWebhookEventsQueryDto,
  ): Promise<WebhookEventPageResponse> {
    return this.queries.execute(new ListWebhookEventsQuery(actor.tenantId, actor.id, id, query));
  }

  @Get(':id/events/:eventId')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'One received event' })
  @ApiOkResponse({ type: WebhookEventResponse })
  @ApiProblems(400, 401, 404)
  event(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('eventId', ParseUUIDPipe) eventId: string,
  ): Promise<WebhookEventResponse> {
    return this.queries.execute(new GetWebhookEventQuery(actor.tenantId, actor.id, id, eventId));
  }

  @Post(':id/events/:eventId/replay')
  @HttpCode(202)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Run a stored event again' })
  @ApiAcceptedResponse({ type: IngressResponse })
  @ApiProblems(400, 401, 403, 404)
  async replay(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('eventId', ParseUUIDPipe) eventId: string,
  ): Promise<IngressResponse> {
    const result = await this.commands.execute(new ReplayWebhookEventCommand(actor.tenantId, actor.id, id, eventId));
    return { status: 'accepted', eventId: result.eventId };
  }
}
