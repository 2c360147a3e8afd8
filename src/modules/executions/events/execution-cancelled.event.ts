import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class ExecutionCancelledEvent extends DomainEvent<{ workflowId: string; workflowVersion: number }> {
  readonly type = 'execution.cancelled';
}
