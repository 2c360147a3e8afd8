import { collectDefaultMetrics, Registry } from 'prom-client';

/** One Prometheus registry per app instance (tests build several apps in one process). */
export class MetricsRegistry extends Registry {
  constructor() {
    super();
    collectDefaultMetrics({ register: this, prefix: 'flowhook_' });
  }
}
