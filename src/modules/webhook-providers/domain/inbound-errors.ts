import { DomainError } from '../../../platform/errors/domain-error.js';

/** An inbound delivery (webhook or channel) that failed its token or signature check. */
export const webhookUnauthorized = (reason: string) =>
  new DomainError('unauthenticated', 'webhook_unauthorized', reason);
