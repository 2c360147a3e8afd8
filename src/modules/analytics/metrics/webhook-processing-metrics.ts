import { Injectable } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { MetricsRegistry } from '../../../platform/observability/metrics.registry.js';

/** Seconds from receipt (202) to the event being processed or failed on a worker: queue wait included. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** flowhook_webhook_processing_seconds{provider,status}: provider is one of five, status processed|failed. */
@Injectable()
export class WebhookProcessingMetrics {
  private readonly processing: Histogram<'provider' | 'status'>;

  constructor(registry: MetricsRegistry) {
    this.processing = new Histogram({
      name: 'flowhook_webhook_processing_seconds',
      help: 'Time from an inbound event being accepted to its being processed or failed, by provider and outcome.',
      labelNames: ['provider', 'status'],
      buckets: BUCKETS,
      registers: [registry],
    });
  }

  observe(provider: string, status: string, processingMs: number): void {
    this.processing.observe({ provider, status }, processingMs / 1000);
  }
}
