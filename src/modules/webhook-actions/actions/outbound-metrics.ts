import { Injectable } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { MetricsRegistry } from '../../../platform/observability/metrics.registry.js';

/** flowhook_outbound_request_seconds{outcome}: outcome is `success` or the error class. */
@Injectable()
export class OutboundMetrics {
  private readonly latency: Histogram<'outcome'>;

  constructor(registry: MetricsRegistry) {
    this.latency = new Histogram({
      name: 'flowhook_outbound_request_seconds',
      help: 'Outbound action call latency by outcome (success or error class).',
      labelNames: ['outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    });
  }

  observe(outcome: string, durationMs: number): void {
    this.latency.observe({ outcome }, durationMs / 1000);
  }
}
