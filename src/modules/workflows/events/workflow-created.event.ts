import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class WorkflowCreatedEvent extends DomainEvent<{ name: string; version: number }> {
  readonly type = 'workflow.created';
}
