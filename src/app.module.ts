import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import { AppConfig } from './config/app-config.js';
import { AppConfigModule } from './config/app-config.module.js';
import { AnalyticsModule } from './modules/analytics/analytics.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { ExecutionsWorkerModule } from './modules/executions/executions-worker.module.js';
import { ExecutionsModule } from './modules/executions/executions.module.js';
import { ChannelsWorkerModule } from './modules/channels/channels-worker.module.js';
import { ChannelsModule } from './modules/channels/channels.module.js';
import { ContactsModule } from './modules/contacts/contacts.module.js';
import { CredentialsModule } from './modules/credentials/credentials.module.js';
import { WaitsWorkerModule } from './modules/waits/waits-worker.module.js';
import { WaitsModule } from './modules/waits/waits.module.js';
import { WebhookActionsModule } from './modules/webhook-actions/webhook-actions.module.js';
import { WebhooksWorkerModule } from './modules/webhooks/webhooks-worker.module.js';
import { WebhooksModule } from './modules/webhooks/webhooks.module.js';
import { WorkflowsModule } from './modules/workflows/workflows.module.js';
import { CryptoModule } from './platform/crypto/crypto.module.js';
import { DatabaseModule } from './platform/database/database.module.js';
import { ExpressionsModule } from './platform/expressions/expressions.module.js';
import { ProblemDetailsFilter } from './platform/http/problem-details.filter.js';
import { LoggerModule } from './platform/observability/logger.module.js';
import { ObservabilityModule } from './platform/observability/observability.module.js';
import { OutboxModule } from './platform/outbox/outbox.module.js';
import { QueueModule } from './platform/queue/queue.module.js';
import { RedisModule } from './platform/redis/redis.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  logger: Logger;
}

/** Wires the platform and feature modules for the configured APP_ROLE; nothing else. */
@Module({})
export class AppModule {
  static register({ config, logger }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(logger),
        CqrsModule.forRoot(),
        CryptoModule,
        DatabaseModule,
        RedisModule,
        QueueModule,
        OutboxModule,
        ExpressionsModule,
        ObservabilityModule,
        HealthModule,
        AuthModule,
        AuditModule,
        WorkflowsModule,
        ExecutionsModule,
        CredentialsModule,
        WebhookActionsModule,
        WaitsModule,
        ContactsModule,
        WebhooksModule,
        ChannelsModule,
        AnalyticsModule,
        ...(config.appRole === 'api'
          ? []
          : [ExecutionsWorkerModule, WebhooksWorkerModule, ChannelsWorkerModule, WaitsWorkerModule]),
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
