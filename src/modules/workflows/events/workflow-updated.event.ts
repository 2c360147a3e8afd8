import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class WorkflowUpdatedEvent extends DomainEvent<{ version: number; changed: string[] }> {
  readonly type = 'workflow.updated';
}
