import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class WorkflowArchivedEvent extends DomainEvent<{ version: number }> {
  readonly type = 'workflow.archived';
}
