import { Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfig } from '../../config/app-config.js';
import { ContactDirectory, ContactsModule } from '../contacts/index.js';
import { CredentialsModule } from '../credentials/index.js';
import { ExecutionsModule, NodeHandlerRegistry } from '../executions/index.js';
import { NodeTypeCatalog, WorkflowsModule } from '../workflows/index.js';
import { AttemptLog } from './actions/attempt-log.js';
import { HttpActionRequestBuilder } from './actions/http-action-request.builder.js';
import { HttpActionNode } from './actions/http-action.node.js';
import { HttpActionRunner } from './actions/http-action.runner.js';
import { OutboundMetrics } from './actions/outbound-metrics.js';
import { TestWebhookActionHandler } from './commands/test-webhook-action.handler.js';
import { httpActionNodeType } from './domain/http-action.node-type.js';
import { OutboundHttpClient } from './http/outbound-http-client.js';
import { SsrfPolicy } from '../../platform/http/ssrf-policy.js';
import { ActionExecutionsReader } from './queries/action-executions.reader.js';
import { GetActionExecutionHandler } from './queries/get-action-execution.handler.js';
import { ListActionExecutionsHandler } from './queries/list-action-executions.handler.js';
import { ListCircuitsHandler } from './queries/list-circuits.handler.js';
import { CircuitBreaker } from './resilience/circuit-breaker.js';
import { OutboundRateLimiter } from './resilience/outbound-rate-limiter.js';
import { WebhookActionsController } from './webhook-actions.controller.js';

/** Outbound webhook actions: the `action.http` node, its safe HTTP client, circuits, rate limits and attempt log. */
@Module({
  imports: [CqrsModule, ExecutionsModule, WorkflowsModule, ContactsModule, CredentialsModule],
  controllers: [WebhookActionsController],
  providers: [
    {
      provide: OutboundHttpClient,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new OutboundHttpClient(new SsrfPolicy(config.outboundAllowedHosts)),
    },
    HttpActionRequestBuilder,
    HttpActionRunner,
    AttemptLog,
    OutboundMetrics,
    CircuitBreaker,
    OutboundRateLimiter,
    ActionExecutionsReader,
    TestWebhookActionHandler,
    ListCircuitsHandler,
    ListActionExecutionsHandler,
    GetActionExecutionHandler,
  ],
  exports: [CircuitBreaker],
})
export class WebhookActionsModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly catalog: NodeTypeCatalog,
    private readonly handlers: NodeHandlerRegistry,
    private readonly runner: HttpActionRunner,
    private readonly circuits: CircuitBreaker,
    private readonly rateLimiter: OutboundRateLimiter,
    private readonly contacts: ContactDirectory,
    private readonly client: OutboundHttpClient,
  ) {}

  onModuleInit(): void {
    this.catalog.register(httpActionNodeType);
    this.handlers.register(new HttpActionNode(this.runner, this.circuits, this.rateLimiter, this.contacts));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
