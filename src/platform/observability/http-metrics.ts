import type { FastifyInstance } from 'fastify';
import { Counter } from 'prom-client';
import type { MetricsRegistry } from './metrics.registry.js';

/** flowhook_http_requests_total{method,route,status}; the route is the pattern, never the raw URL. */
export function instrumentHttp(fastify: FastifyInstance, registry: MetricsRegistry): void {
  const requests = new Counter({
    name: 'flowhook_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    requests.inc({
      method: request.method,
      route: request.routeOptions?.url ?? 'unmatched',
      status: String(reply.statusCode),
    });
    done();
  });
}
