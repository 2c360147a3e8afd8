import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { RequestContext } from '../../../platform/observability/request-context.js';
import { WebhookReceivedEvent } from '../events/webhook-received.event.js';
import { WebhookStats } from '../webhook-stats.js';
import { type ProcessingEvent, ProcessingEventStore } from './processing-event.store.js';

export interface WebhookEventOutcome {
  status: 'processed' | 'failed';
  error: string | null;
  executionId: string | null;
}

/**
 * Ends an event's processing: its status, error and execution with `webhook.received` (and the
 * processing time it measured) in one statement, then the event published and the webhook's last error
 * kept. Shared by processing and by giving up on an event whose job cannot succeed.
 */
@Injectable()
export class WebhookEventOutcomes {
  constructor(
    private readonly events: ProcessingEventStore,
    private readonly eventBus: EventBus,
    private readonly stats: WebhookStats,
  ) {}

  async record(event: ProcessingEvent, outcome: WebhookEventOutcome): Promise<void> {
    const received = new WebhookReceivedEvent({
      tenantId: event.tenantId,
      aggregateType: 'webhook',
      aggregateId: event.webhookId,
      payload: {
        webhookId: event.webhookId,
        eventId: event.id,
        provider: event.provider,
        status: outcome.status,
        executionId: outcome.executionId,
        processingMs: null as number | null,
      },
    });
    const processingMs = await this.events.finish({
      tenantId: event.tenantId,
      eventId: event.id,
      ...outcome,
      received,
      correlationId: RequestContext.current()?.correlationId ?? null,
    });
    if (processingMs !== undefined) {
      received.payload.processingMs = processingMs;
      this.eventBus.publish(received);
    }
    if (outcome.error) this.stats.failed(event.webhookId, outcome.error);
  }
}
