import { DomainEvent } from '../../../platform/outbox/domain-event.js';

/** A webhook wait timed out before its resume URL was called. */
export class WaitExpiredEvent extends DomainEvent<{ nodeId: string; resumeId: string }> {
  readonly type = 'wait.expired';
}
