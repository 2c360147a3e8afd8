import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class NodeTriggeredEvent extends DomainEvent<{ nodeId: string; type: string; attempt: number }> {
  readonly type = 'workflow.node.triggered';
}
