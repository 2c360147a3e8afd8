import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from '../../../platform/observability/metrics.registry.js';

/**
 * `status` label values of flowhook_executions_total: `started` counts executions created (each
 * `execution.started` event), the others count executions reaching that final status (a retried
 * execution that fails, then succeeds, counts once in each). The transient statuses (queued,
 * running, waiting) are states, not outcomes: see flowhook_queue_jobs for backlog.
 */
export const EXECUTION_METRIC_STATUSES = ['started', 'succeeded', 'failed', 'cancelled'] as const;
export type ExecutionMetricStatus = (typeof EXECUTION_METRIC_STATUSES)[number];

/** flowhook_executions_total{status}, counted by the process whose transaction committed the change. */
@Injectable()
export class ExecutionMetrics {
  private readonly executions: Counter<'status'>;

  constructor(registry: MetricsRegistry) {
    this.executions = new Counter({
      name: 'flowhook_executions_total',
      help: 'Executions started and finished, by status (started, succeeded, failed, cancelled).',
      labelNames: ['status'],
      registers: [registry],
    });
    // Every series exists from the first scrape, so rate() and deltas need no special case.
    for (const status of EXECUTION_METRIC_STATUSES) this.executions.inc({ status }, 0);
  }

  record(status: ExecutionMetricStatus): void {
    this.executions.inc({ status });
  }
}
