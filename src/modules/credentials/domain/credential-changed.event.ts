import { DomainEvent } from '../../../platform/outbox/domain-event.js';

export class CredentialChangedEvent extends DomainEvent<{ change: 'created' | 'deleted'; type: string }> {
  get type(): string {
    return `credential.${this.payload.change}`;
  }
}
