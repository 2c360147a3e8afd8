import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class ExecutionRetriedEvent extends DomainEvent<{ workflowId: string; nodeIds: string[]; retryCount: number }> {
  readonly type = 'execution.retried';
}
