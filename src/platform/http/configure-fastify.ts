import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { RequestContext } from '../observability/request-context.js';
import { REQUEST_ID_HEADER } from './request-id.js';

/**
 * Cross-cutting HTTP behaviour that lives below Nest: the request id on every response and in the
 * async context of every log line, and one access-log line per request (path only: queries may hold
 * tokens). Errors Fastify raises before a handler runs (body too large, media type, malformed or too
 * deep JSON) reach the ProblemDetailsFilter through the error handler Nest installs; those raised
 * before any hook (router, Node's HTTP parser) are answered by framework-errors.ts and
 * client-error.handler.ts in the same shape.
 */
export function configureFastify(fastify: FastifyInstance, logger: Logger): void {
  // JSON (and form bodies where a route accepts them) only: any other media type is a 415.
  if (fastify.hasContentTypeParser('text/plain')) fastify.removeContentTypeParser('text/plain');
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    RequestContext.run({ correlationId: request.id }, done);
  });
  // The access line has fixed, secret-free fields (path without query; none for capability paths), so
  // it skips the redaction pass that costs most of a log line on the hot path.
  const accessLog = logger.child({}, { redact: { paths: [] } });
  fastify.addHook('onResponse', (request, reply, done) => {
    accessLog.info(
      {
        method: request.method,
        path: loggablePath(request.url, request.routeOptions?.url),
        route: request.routeOptions?.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
    done();
  });
}

/** The path without the query (it may carry `?token=`), and not at all where the path is itself a capability (resume URLs). */
function loggablePath(url: string, route: string | undefined): string | undefined {
  if (route?.includes(':resumeId')) return undefined;
  return url.split('?')[0];
}
