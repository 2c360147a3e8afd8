import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class WorkflowTriggerTokenRegeneratedEvent extends DomainEvent<Record<string, never>> {
  readonly type = 'workflow.trigger_token_regenerated';
}
