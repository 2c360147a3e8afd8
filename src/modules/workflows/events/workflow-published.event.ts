import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class WorkflowPublishedEvent extends DomainEvent<{ version: number }> {
  readonly type = 'workflow.published';
}
