import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { QueueDashboardConfig } from '../../config/app-config.js';
import { constantTimeEquals } from '../crypto/constant-time.js';
import { DomainError } from '../errors/domain-error.js';
import { PROBLEM_CONTENT_TYPE, resolveProblem } from '../http/problem-details.js';
import { QueueNames } from './queue-names.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * The operators' view of every queue (@bull-board), mounted on Fastify below Nest: it shows all
 * tenants' jobs, so it has credentials of its own (HTTP Basic) rather than a tenant's token.
 */
export async function mountQueueDashboard(
  app: INestApplication,
  fastify: FastifyInstance,
  credentials: QueueDashboardConfig,
): Promise<void> {
  const board = new BullBoardFastifyAdapter();
  createBullBoard({
    queues: Object.values(QueueNames).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Flowhook queues' } },
  });
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', (request, reply, done) => {
        if (isAuthorized(request, credentials)) return done();
        refuse(request, reply);
      });
      await scope.register(board.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}

function isAuthorized(request: FastifyRequest, credentials: QueueDashboardConfig): boolean {
  const header = request.headers.authorization;
  if (!header?.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return false;
  // Both compared, always: which of the two was wrong must not show in the timing.
  const userMatches = constantTimeEquals(decoded.slice(0, separator), credentials.user);
  const passwordMatches = constantTimeEquals(decoded.slice(separator + 1), credentials.password);
  return userMatches && passwordMatches;
}

function refuse(request: FastifyRequest, reply: FastifyReply): void {
  const { problem } = resolveProblem(
    new DomainError(
      'unauthenticated',
      'unauthenticated',
      'The queue dashboard needs the operator credentials (HTTP Basic).',
    ),
    request.url.split('?')[0],
  );
  void reply
    .code(401)
    .header('WWW-Authenticate', 'Basic realm="Flowhook queues", charset="UTF-8"')
    .type(PROBLEM_CONTENT_TYPE)
    .send(problem);
}
