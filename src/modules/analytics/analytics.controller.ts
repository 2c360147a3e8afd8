import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { RequireRole, type Actor, CurrentActor } from '../auth/index.js';
import { DateRangeQueryDto } from '../../platform/http/date-range-query.dto.js';
import { NodeAnalyticsQueryDto } from './dto/node-analytics-query.dto.js';
import { NodeAnalyticsResponse } from './dto/node-analytics.response.js';
import { WebhookActionAnalyticsResponse } from './dto/webhook-action-analytics.response.js';
import { WebhookAnalyticsQueryDto } from './dto/webhook-analytics-query.dto.js';
import { WebhookAnalyticsResponse } from './dto/webhook-analytics.response.js';
import { WorkflowAnalyticsResponse } from './dto/workflow-analytics.response.js';
import { toDateRange } from './queries/date-range.js';
import { GetNodeAnalyticsQuery } from './queries/get-node-analytics.query.js';
import { GetWebhookActionAnalyticsQuery } from './queries/get-webhook-action-analytics.query.js';
import { GetWebhookAnalyticsQuery } from './queries/get-webhook-analytics.query.js';
import { GetWorkflowAnalyticsQuery } from './queries/get-workflow-analytics.query.js';

@ApiTags('analytics')
@Controller('api/analytics')
export class AnalyticsController {
  constructor(private readonly queries: QueryBus) {}

  /** Per workflow: executions created in the range, how many succeeded and failed, durations, last run. */
  @Get('workflows')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Execution figures per workflow' })
  @ApiOkResponse({ type: WorkflowAnalyticsResponse })
  @ApiProblems(400, 401)
  workflows(@CurrentActor() actor: Actor, @Query() query: DateRangeQueryDto): Promise<WorkflowAnalyticsResponse> {
    return this.queries.execute(
      new GetWorkflowAnalyticsQuery(actor.tenantId, actor.id, toDateRange(query.dateFrom, query.dateTo)),
    );
  }

  /** Per webhook: events received in the range, processed and failed, success rate, p95 processing time. */
  @Get('webhooks')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Inbound event figures per webhook' })
  @ApiOkResponse({ type: WebhookAnalyticsResponse })
  @ApiProblems(400, 401)
  webhooks(@CurrentActor() actor: Actor, @Query() query: WebhookAnalyticsQueryDto): Promise<WebhookAnalyticsResponse> {
    return this.queries.execute(
      new GetWebhookAnalyticsQuery(actor.tenantId, actor.id, query.provider, toDateRange(query.dateFrom, query.dateTo)),
    );
  }

  /** Per node of one workflow: runs, average and longest duration, errors. */
  @Get('nodes')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Run figures per node of a workflow' })
  @ApiOkResponse({ type: NodeAnalyticsResponse })
  @ApiProblems(400, 401, 404)
  nodes(@CurrentActor() actor: Actor, @Query() query: NodeAnalyticsQueryDto): Promise<NodeAnalyticsResponse> {
    return this.queries.execute(
      new GetNodeAnalyticsQuery(actor.tenantId, actor.id, query.workflowId, toDateRange(query.dateFrom, query.dateTo)),
    );
  }

  /** Per target origin of outbound actions: calls (attempts), success rate, p95 latency, circuit state. */
  @Get('webhook-actions')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Outbound call figures per target origin' })
  @ApiOkResponse({ type: WebhookActionAnalyticsResponse })
  @ApiProblems(400, 401)
  webhookActions(
    @CurrentActor() actor: Actor,
    @Query() query: DateRangeQueryDto,
  ): Promise<WebhookActionAnalyticsResponse> {
    return this.queries.execute(
      new GetWebhookActionAnalyticsQuery(actor.tenantId, actor.id, toDateRange(query.dateFrom, query.dateTo)),
    );
  }
}
