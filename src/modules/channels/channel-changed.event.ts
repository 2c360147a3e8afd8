import { DomainEvent } from '../../platform/outbox/domain-event.js';

export class ChannelChangedEvent extends DomainEvent<{ change: 'created' | 'updated' | 'deleted' }> {
  get type(): string {
    return `channel.${this.payload.change}`;
  }
}
