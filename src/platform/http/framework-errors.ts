import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { clientProblem, PROBLEM_CONTENT_TYPE, resolveProblem, type ResolvedProblem } from './problem-details.js';
import { REQUEST_ID_HEADER } from './request-id.js';

/**
 * Fastify's `frameworkErrors`: what its router refuses before any hook or Nest runs — a path segment
 * over the parameter length (414), a path that is not valid percent-encoding (400) — answered as
 * problem details with the request id, like every other error. Outside `/api` (public ingress, resume
 * and trigger routes) a path that cannot be decoded names nothing that exists: 404, as a malformed
 * public id is, so the answer does not help probe the routes.
 */
export function createFrameworkErrorHandler(logger: Logger) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const path = request.url.split('?')[0];
    const { problem, unexpected } = resolve(error, path);
    if (unexpected)
      logger.error(
        { err: error, errorId: problem.errorId, correlationId: request.id, method: request.method },
        'unexpected error',
      );
    else
      logger.info(
        { correlationId: request.id, method: request.method, status: problem.status, code: error.code },
        'request refused by the router',
      );
    void reply
      .code(problem.status)
      .header(REQUEST_ID_HEADER, request.id)
      .header('Content-Type', PROBLEM_CONTENT_TYPE)
      .send(problem);
  };
}

function resolve(error: FastifyError, path: string): ResolvedProblem {
  if (error.code === 'FST_ERR_BAD_URL' && !path.startsWith('/api/'))
    return { problem: clientProblem(404, 'Not found.', path), unexpected: false };
  return resolveProblem(error, path);
}
