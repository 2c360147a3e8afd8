import { DomainEvent } from '../../../platform/outbox/domain-event.js';

/** An accepted inbound event was processed: it started an execution, or failed with an error. */
export class WebhookReceivedEvent extends DomainEvent<{ webhookId: string; eventId: string; status: string; executionId: string | null }> {
  readonly type = 'webhook.received';
}
