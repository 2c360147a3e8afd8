import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { WebhookReceivedEvent } from '../../webhooks/index.js';
import { WebhookProcessingMetrics } from './webhook-processing-metrics.js';

/** Observes each processed (or failed) inbound event's processing time from its domain event. */
@EventsHandler(WebhookReceivedEvent)
export class WebhookProcessingMetricsHandler implements IEventHandler<WebhookReceivedEvent> {
  constructor(private readonly metrics: WebhookProcessingMetrics) {}

  handle(event: WebhookReceivedEvent): void {
    const { provider, status, processingMs } = event.payload;
    if (processingMs === null) return;
    this.metrics.observe(provider, status, processingMs);
  }
}
