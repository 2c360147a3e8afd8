import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueNames } from '../../platform/queue/queue-names.js';
import { ContactsModule } from '../contacts/index.js';
import { ExecutionsModule } from '../executions/index.js';
import { WorkflowsModule } from '../workflows/index.js';
import { CreateWebhookHandler } from './commands/create-webhook.handler.js';
import { FailWebhookEventHandler } from './commands/fail-webhook-event.handler.js';
import { ProcessWebhookEventHandler } from './commands/process-webhook-event.handler.js';
import { ProcessingEventStore } from './commands/processing-event.store.js';
import { RegenerateWebhookTokenHandler } from './commands/regenerate-webhook-token.handler.js';
import { ReplayWebhookEventHandler } from './commands/replay-webhook-event.handler.js';
import { UpdateWebhookHandler } from './commands/update-webhook.handler.js';
import { WebhookEventOutcomes } from './commands/webhook-event-outcomes.js';
import { WebhookEventEntity } from './entities/webhook-event.entity.js';
import { WebhookEntity } from './entities/webhook.entity.js';
import { IngressController } from './ingress/ingress.controller.js';
import { IngressMetrics } from './ingress/ingress-metrics.js';
import { IngressRateLimiter } from './ingress/ingress-rate-limiter.js';
import { WebhookEventStore } from './ingress/webhook-event.store.js';
import { WebhookIngressService } from './ingress/webhook-ingress.service.js';
import { PayloadSchemaValidator } from './payload-schema.validator.js';
import { WebhookProvidersModule } from '../webhook-providers/index.js';
import { GetWebhookEventHandler } from './queries/get-webhook-event.handler.js';
import { GetWebhookHandler } from './queries/get-webhook.handler.js';
import { ListWebhookEventsHandler } from './queries/list-webhook-events.handler.js';
import { ListWebhooksHandler } from './queries/list-webhooks.handler.js';
import { WebhookPresenter } from './webhook.presenter.js';
import { WebhookRepository } from './webhook.repository.js';
import { WebhookStats } from './webhook-stats.js';
import { WebhooksController } from './webhooks.controller.js';
import { DeactivateWebhooksOnArchive } from './workflow-archived.handler.js';

/** Inbound webhooks: management API, public ingress, and the commands that turn events into executions. */
@Module({
  imports: [
    CqrsModule,
    ExecutionsModule,
    WorkflowsModule,
    ContactsModule,
    WebhookProvidersModule,
    TypeOrmModule.forFeature([WebhookEntity, WebhookEventEntity]),
    BullModule.registerQueue({
      name: QueueNames.webhookEvents,
      defaultJobOptions: { attempts: 8, backoff: { type: 'exponential', delay: 500 } },
    }),
  ],
  controllers: [WebhooksController, IngressController],
  providers: [
    WebhookRepository,
    WebhookPresenter,
    WebhookStats,
    WebhookIngressService,
    WebhookEventStore,
    IngressRateLimiter,
    IngressMetrics,
    PayloadSchemaValidator,
    CreateWebhookHandler,
    UpdateWebhookHandler,
    RegenerateWebhookTokenHandler,
    ReplayWebhookEventHandler,
    ProcessWebhookEventHandler,
    ProcessingEventStore,
    WebhookEventOutcomes,
    FailWebhookEventHandler,
    ListWebhooksHandler,
    GetWebhookHandler,
    ListWebhookEventsHandler,
    GetWebhookEventHandler,
    DeactivateWebhooksOnArchive,
  ],
  exports: [BullModule],
})
export class WebhooksModule {}
