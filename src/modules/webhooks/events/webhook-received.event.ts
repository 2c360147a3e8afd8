import { DomainEvent } from '../../../platform/outbox/domain-event.js';

/** An accepted inbound event was processed: it started an execution, or failed with an error. */
/** `processingMs`: receipt to processed/failed (the stored processing_time_ms); feeds flowhook_webhook_processing_seconds. */
export class WebhookReceivedEvent extends DomainEvent<{
  webhookId: string;
  eventId: string;
  provider: string;
  status: string;
  executionId: string | null;
  processingMs: number | null;
}> {
  readonly type = 'webhook.received';
}
