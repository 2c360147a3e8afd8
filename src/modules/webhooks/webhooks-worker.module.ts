import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { UnprocessedEventSweeper } from './ingress/unprocessed-event.sweeper.js';
import { WebhookEventProcessor } from './ingress/webhook-event.processor.js';
import { WebhooksModule } from './webhooks.module.js';

/** Processes accepted events and re-queues stored-but-unqueued ones; only for APP_ROLE worker or all. */
@Module({ imports: [CqrsModule, WebhooksModule], providers: [WebhookEventProcessor, UnprocessedEventSweeper] })
export class WebhooksWorkerModule {}
