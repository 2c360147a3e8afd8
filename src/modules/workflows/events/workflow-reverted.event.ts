import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class WorkflowRevertedEvent extends DomainEvent<{ fromVersion: number; version: number }> {
  readonly type = 'workflow.reverted';
}
