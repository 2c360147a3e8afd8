import { DomainEvent } from '../../../platform/outbox/domain-event.js';

/** created, updated, deactivated, activated, token_regenerated. */
export class WebhookChangedEvent extends DomainEvent<{ change: string }> {
  get type(): string {
    return `webhook.${this.payload.change}`;
  }
}
