import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { RequireRole, type Actor, CurrentActor } from '../auth/index.js';
import { HttpActionTester } from './actions/http-action.tester.js';
import {
  ActionExecutionPageResponse,
  ActionExecutionResponse,
  CircuitListResponse,
  ListActionExecutionsQueryDto,
  TestWebhookActionDto,
  TestWebhookActionResponse,
} from './dto/webhook-action.dto.js';
import { ActionExecutionsReader } from './queries/action-executions.reader.js';
import { CircuitBreaker } from './resilience/circuit-breaker.js';

@ApiTags('webhook-actions')
@Controller('api/webhook-actions')
export class WebhookActionsController {
  constructor(
    private readonly tester: HttpActionTester,
    private readonly circuits: CircuitBreaker,
    private readonly executions: ActionExecutionsReader,
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
    return this.tester.test(actor.tenantId, body.config, body.context);
  }

  @Get('circuits')
  @RequireRole('viewer')
  @ApiOperation({ summary: "The tenant's circuit breakers per target origin" })
  @ApiOkResponse({ type: CircuitListResponse })
  @ApiProblems(401)
  async listCircuits(@CurrentActor() actor: Actor): Promise<CircuitListResponse> {
    return { items: await this.circuits.list(actor.tenantId) };
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
    return this.executions.list(actor.tenantId, query);
  }

  @Get('executions/:id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'One outbound call attempt' })
  @ApiOkResponse({ type: ActionExecutionResponse })
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ActionExecutionResponse> {
    return this.executions.get(actor.tenantId, id);
  }
}
