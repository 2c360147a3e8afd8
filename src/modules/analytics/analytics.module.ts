import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ChannelsModule } from '../channels/index.js';
import { ExecutionsModule } from '../executions/index.js';
import { WebhookActionsModule } from '../webhook-actions/index.js';
import { WaitsModule } from '../waits/index.js';
import { WebhooksModule } from '../webhooks/index.js';
import { WorkflowsModule } from '../workflows/index.js';
import { AnalyticsController } from './analytics.controller.js';
import { ExecutionMetrics } from './metrics/execution-metrics.js';
import { ExecutionMetricsHandler } from './metrics/execution-metrics.handler.js';
import { QueueMetrics } from './metrics/queue-metrics.js';
import { WebhookProcessingMetrics } from './metrics/webhook-processing-metrics.js';
import { WebhookProcessingMetricsHandler } from './metrics/webhook-processing-metrics.handler.js';
import { GetNodeAnalyticsHandler } from './queries/get-node-analytics.handler.js';
import { GetWebhookActionAnalyticsHandler } from './queries/get-webhook-action-analytics.handler.js';
import { GetWebhookAnalyticsHandler } from './queries/get-webhook-analytics.handler.js';
import { GetWorkflowAnalyticsHandler } from './queries/get-workflow-analytics.handler.js';

/**
 * The read side: analytics queries in plain SQL (percentile_cont for p95) over the tables the write
 * side keeps, computed at query time so the command path does no bookkeeping for them; and the
 * Prometheus metrics fed by domain events (executions, webhook processing) or read at scrape time
 * (queue depth). Imports the feature modules only for their exported queues, the circuit breaker and
 * the workflow reader.
 */
@Module({
  imports: [
    CqrsModule,
    WorkflowsModule,
    ExecutionsModule,
    WebhooksModule,
    WebhookActionsModule,
    ChannelsModule,
    WaitsModule,
  ],
  controllers: [AnalyticsController],
  providers: [
    GetWorkflowAnalyticsHandler,
    GetWebhookAnalyticsHandler,
    GetNodeAnalyticsHandler,
    GetWebhookActionAnalyticsHandler,
    ExecutionMetrics,
    ExecutionMetricsHandler,
    WebhookProcessingMetrics,
    WebhookProcessingMetricsHandler,
    QueueMetrics,
  ],
})
export class AnalyticsModule {}
