import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class ExecutionSucceededEvent extends DomainEvent<{
  workflowId: string;
  workflowVersion: number;
  durationMs: number;
}> {
  readonly type = 'execution.succeeded';
}
