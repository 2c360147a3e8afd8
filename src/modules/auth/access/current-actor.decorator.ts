import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';

export interface AuthenticatedRequest extends FastifyRequest {
  actor?: Actor;
}

/** The authenticated caller, set by the AccessGuard on routes with a role policy. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without a role policy');
  return actor;
});
