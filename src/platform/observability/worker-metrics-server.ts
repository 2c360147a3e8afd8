import { createServer, type ServerResponse, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { DomainError } from '../errors/domain-error.js';
import { PROBLEM_CONTENT_TYPE, resolveProblem, type ProblemDetails } from '../http/problem-details.js';

/**
 * A worker process serves no API, yet it counts most of what operators watch (executions, outbound
 * calls, processing times): it exposes `GET /metrics` on a port of its own for Prometheus to scrape.
 */
export async function serveWorkerMetrics(
  registry: Registry,
  port: number,
  host: string,
  logger: Logger,
): Promise<Server> {
  const server = createServer((request, response) => {
    const path = request.url?.split('?')[0] ?? '/';
    if (request.method !== 'GET' || path !== '/metrics') {
      sendProblem(
        response,
        resolveProblem(new DomainError('not_found', 'not_found', 'This port serves GET /metrics only.'), path).problem,
      );
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: unknown) => {
        const { problem } = resolveProblem(error, path);
        logger.error({ err: error, errorId: problem.errorId }, 'worker metrics failed');
        sendProblem(response, problem);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

/** The same RFC 9457 answers as the API's (an unexpected error shows only its errorId). */
function sendProblem(response: ServerResponse, problem: ProblemDetails): void {
  response.writeHead(problem.status, { 'content-type': PROBLEM_CONTENT_TYPE }).end(JSON.stringify(problem));
}
