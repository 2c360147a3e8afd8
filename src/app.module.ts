import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import { AppConfig } from './config/app-config.js';
import { AppConfigModule } from './config/app-config.module.js';
import { AnalyticsModule } from './modules/analytics/index.js';
import { AuditModule } from './modules/audit/index.js';
import { AuthModule } from './modules/auth/index.js';
import { HealthModule } from './modules/health/index.js';
import { ExecutionsWorkerModule, ExecutionsModule } from './modules/executions/index.js';
import { ChannelsWorkerModule, ChannelsModule } from './modules/channels/index.js';
import { ContactsModule } from './modules/contacts/index.js';
import { CredentialsModule } from './modules/credentials/index.js';
import { WaitsWorkerModule, WaitsModule } from './modules/waits/index.js';
import { WebhookActionsModule } from './modules/webhook-actions/index.js';
import { WebhooksWorkerModule, WebhooksModule } from './modules/webhooks/index.js';
import { WorkflowsModule } from './modules/workflows/index.js';
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
