import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { RequireRole, type Actor, CurrentActor } from '../auth/index.js';
import { TestWebhookActionCommand } from './commands/test-webhook-action.command.js';
import {
  ActionExecutionPageResponse,
  ActionExecutionResponse,
  CircuitListResponse,
  ListActionExecutionsQueryDto,
  TestWebhookActionDto,
  TestWebhookActionResponse,
} from './dto/webhook-action.dto.js';
import { GetActionExecutionQuery } from './queries/get-action-execution.query.js';
import { ListActionExecutionsQuery } from './queries/list-action-executions.query.js';
import { ListCircuitsQuery } from './queries/list-circuits.query.js';

@ApiTags('webhook-actions')
@Controller('api/webhook-actions')
export class WebhookActionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /**
   * Runs one call now (no retry, no circuit, no rate limit); always 200 once the body is well formed:
   * the answer describes the call, and a failed one carries the error class the node would fail with.
   */
  @Post('test')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Try an action.http config' })
  @ApiOkResponse({ type: TestWebhookActionResponse })
  @ApiProblems(400, 401, 403)
  test(@CurrentActor() actor: Actor, @Body() body: TestWebhookActionDto): Promise<TestWebhookActionResponse> {
    return this.commands.execute(new TestWebhookActionCommand(actor.tenantId, actor.id, body.config, body.context));
  }

  @Get('circuits')
  @RequireRole('viewer')
  @ApiOperation({ summary: "The tenant's circuit breakers per target origin" })
  @ApiOkResponse({ type: CircuitListResponse })
  @ApiProblems(401)
  listCircuits(@CurrentActor() actor: Actor): Promise<CircuitListResponse> {
    return this.queries.execute(new ListCircuitsQuery(actor.tenantId, actor.id));
  }

  @Get('executions')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Outbound call attempts' })
  @ApiOkResponse({ type: ActionExecutionPageResponse })
  @ApiProblems(400, 401)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListActionExecutionsQueryDto,
  ): Promise<ActionExecutionPageResponse> {
    return this.queries.execute(new ListActionExecutionsQuery(actor.tenantId, actor.id, query));
  }

  @Get('executions/:id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'One outbound call attempt' })
  @ApiOkResponse({ type: ActionExecutionResponse })
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ActionExecutionResponse> {
    return this.queries.execute(new GetActionExecutionQuery(actor.tenantId, actor.id, id));
  }
}
