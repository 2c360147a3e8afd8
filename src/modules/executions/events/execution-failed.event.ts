import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class ExecutionFailedEvent extends DomainEvent<{
  workflowId: string;
  workflowVersion: number;
  nodeId: string;
  error: { class: string; message: string };
}> {
  readonly type = 'execution.failed';
}
