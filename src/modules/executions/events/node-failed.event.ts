import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class NodeFailedEvent extends DomainEvent<{
  nodeId: string;
  type: string;
  error: { class: string; message: string };
}> {
  readonly type = 'node.failed';
}
