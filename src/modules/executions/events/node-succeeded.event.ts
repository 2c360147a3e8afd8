import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class NodeSucceededEvent extends DomainEvent<{ nodeId: string; type: string; durationMs: number }> {
  readonly type = 'node.succeeded';
}
