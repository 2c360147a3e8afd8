import { DomainEvent } from '../../../platform/outbox/domain-event.js';

/** A resume URL was called while its wait node was waiting (the one caller that won). */
export class WaitResumedEvent extends DomainEvent<{ nodeId: string; resumeId: string }> {
  readonly type = 'wait.resumed';
}
