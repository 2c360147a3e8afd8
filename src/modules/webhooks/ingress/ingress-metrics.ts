import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from '../../../platform/observability/metrics.registry.js';

export type IngressOutcome = 'accepted' | 'duplicate' | 'unauthorized' | 'rejected' | 'rate_limited';

/** flowhook_webhook_requests_total{provider,outcome} and flowhook_auth_failures_total{kind}. */
@Injectable()
export class IngressMetrics {
  private readonly requests: Counter<'provider' | 'outcome'>;
  private readonly authFailures: Counter<'kind'>;

  constructor(registry: MetricsRegistry) {
    this.requests = new Counter({
      name: 'flowhook_webhook_requests_total',
      help: 'Inbound webhook requests by provider and outcome.',
      labelNames: ['provider', 'outcome'],
      registers: [registry],
    });
    this.authFailures = new Counter({
      name: 'flowhook_auth_failures_total',
      help: 'Authentication failures by kind.',
      labelNames: ['kind'],
      registers: [registry],
    });
  }

  request(provider: string, outcome: IngressOutcome): void {
    this.requests.inc({ provider, outcome });
  }

  authFailure(kind: string): void {
    this.authFailures.inc({ kind });
  }
}
