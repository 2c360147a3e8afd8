import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../platform/errors/domain-error.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { RequireRole } from '../auth/access/access-policy.decorator.js';
import type { Actor } from '../auth/access/actor.js';
import { CurrentActor } from '../auth/access/current-actor.decorator.js';
import { NodeTypeCatalog } from '../workflows/domain/node-type-catalog.js';
import type { HttpActionConfig } from './actions/http-action-config.js';
import { HttpActionRunner, isCallResult } from './actions/http-action.runner.js';
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
    private readonly catalog: NodeTypeCatalog,
    private readonly runner: HttpActionRunner,
    private readonly circuits: CircuitBreaker,
    private readonly executions: ActionExecutionsReader,
  ) {}

  /** Runs one call now (no retry, no circuit, no rate limit); always 200: the answer describes the call. */
  @Post('test')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Try an action.http config' })
  @ApiOkResponse({ type: TestWebhookActionResponse })
  @ApiProblems(400, 401, 403)
  async test(@CurrentActor() actor: Actor, @Body() body: TestWebhookActionDto): Promise<TestWebhookActionResponse> {
    const errors = this.catalog.validateConfig('action.http', body.config);
    if (errors.length > 0) throw new DomainError('invalid_input', 'invalid_node_config', 'The action config is invalid; see errors for each field.', errors);
    const config = body.config as unknown as HttpActionConfig;
    const context = { trigger: {}, nodes: {}, contact: null, ...(body.context ?? {}) };
    const prepared = await this.runner.prepare(actor.tenantId, config, context, {});
    const result = isCallResult(prepared) ? prepared : await this.runner.send(actor.tenantId, config, prepared, { workflowId: null, executionId: null, nodeId: null, attempt: 1 });
    if (result.ok) return { ok: true, status: result.status, headers: result.headers, body: result.body, durationMs: Math.round(result.durationMs), mapped: result.mapped };
    return {
      ok: false,
      ...(result.status !== undefined ? { status: result.status, headers: result.headers, body: result.body } : {}),
      durationMs: Math.round(result.durationMs),
      errorClass: result.errorClass,
      error: result.error,
      mapped: result.mapped,
    };
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
  list(@CurrentActor() actor: Actor, @Query() query: ListActionExecutionsQueryDto): Promise<ActionExecutionPageResponse> {
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
