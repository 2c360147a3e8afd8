import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class ExecutionStartedEvent extends DomainEvent<{
  workflowId: string;
  workflowVersion: number;
  triggerType: string;
}> {
  readonly type = 'execution.started';
}
