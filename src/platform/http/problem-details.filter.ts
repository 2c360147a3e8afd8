import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ROOT_LOGGER, type RootLogger } from '../observability/logger.module.js';
import { PROBLEM_CONTENT_TYPE, resolveProblem } from './problem-details.js';

/**
 * The one place HTTP errors are shaped: every exception (ours, Nest's, Fastify's body parsing)
 * becomes RFC 9457 problem details. Unexpected errors are logged whole under an errorId.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: RootLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { problem, retryAfter, unexpected } = resolveProblem(exception, request.url.split('?')[0]);
    if (unexpected) {
      this.logger.error(
        { err: exception, errorId: problem.errorId, method: request.method, route: request.routeOptions?.url },
        'unexpected error',
      );
    }
    if (retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
    void reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(problem);
  }
}
