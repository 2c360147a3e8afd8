import { CommandBus, CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { textWithoutNul } from '../../../platform/database/postgres-text.js';
import { DomainError } from '../../../platform/errors/domain-error.js';
import { ExpressionError } from '../../../platform/expressions/expression-error.js';
import { TemplateEvaluator } from '../../../platform/expressions/template-evaluator.js';
import { RequestContext } from '../../../platform/observability/request-context.js';
import { ContactDirectory } from '../../contacts/contact-directory.js';
import { StartExecutionCommand } from '../../executions/commands/start-execution.command.js';
import { WebhookReceivedEvent } from '../events/webhook-received.event.js';
import { parsePayload } from '../payload-parser.js';
import { PayloadSchemaValidator } from '../payload-schema.validator.js';
import { WebhookStats } from '../webhook-stats.js';
import { ProcessWebhookEventCommand } from './process-webhook-event.command.js';
import { ProcessingEventStore } from './processing-event.store.js';

/**
 * Turns a stored event into an execution of the published workflow version. Problems that a retry
 * cannot fix (schema mismatch, nothing published, a broken template) mark the event `failed`;
 * anything else is thrown so BullMQ retries the job.
 */
@CommandHandler(ProcessWebhookEventCommand)
export class ProcessWebhookEventHandler implements ICommandHandler<ProcessWebhookEventCommand> {
  constructor(
    private readonly events: ProcessingEventStore,
    private readonly eventBus: EventBus,
    private readonly commands: CommandBus,
    private readonly schemas: PayloadSchemaValidator,
    private readonly templates: TemplateEvaluator,
    private readonly contacts: ContactDirectory,
    private readonly stats: WebhookStats,
  ) {}

  async execute(command: ProcessWebhookEventCommand): Promise<void> {
    const event = await this.events.load(command.tenantId, command.eventId);
    if (!event || (event.status !== 'received' && !command.replay)) return;

    const body = parsePayload(event.rawBody, event.contentType);
    let executionId: string | null = null;
    let error: string | null = null;
    try {
      const schemaProblem = event.config.expectedPayloadSchema ? this.schemas.check(event.config.expectedPayloadSchema, body) : null;
      if (schemaProblem) throw new DomainError('invalid_input', 'payload_mismatch', `The payload does not match expectedPayloadSchema: ${schemaProblem}`);
      const trigger = { body, headers: event.headers, query: event.query };
      const input = event.config.transformationTemplate === undefined ? trigger : { ...trigger, body: await this.templates.renderDeep(event.config.transformationTemplate, { trigger }) };
      const contactId = event.customerId ? await this.contacts.upsert(command.tenantId, event.provider, event.customerId) : null;
      ({ executionId } = await this.commands.execute(
        new StartExecutionCommand(command.tenantId, null, {
          workflowId: event.workflowId,
          version: 'published',
          triggerType: command.replay ? 'replay' : 'webhook',
          triggerNodeId: event.nodeId,
          triggerNodeType: 'trigger.webhook',
          triggerInput: input,
          contactId,
          // A re-delivered event finds its first execution instead of starting another; a replay is a new run.
          sourceKey: command.replay ? undefined : `webhook-event:${event.id}`,
          // This job did the trigger's work: the trigger node is recorded with the execution.
          triggerRan: true,
        }),
      ));
    } catch (caught) {
      if (!(caught instanceof DomainError) && !(caught instanceof ExpressionError)) throw caught;
      error = textWithoutNul(caught.message);
    }

    const status = error ? 'failed' : 'processed';
    const received = new WebhookReceivedEvent({
      tenantId: command.tenantId,
      aggregateType: 'webhook',
      aggregateId: event.webhookId,
      payload: { webhookId: event.webhookId, eventId: event.id, provider: event.provider, status, executionId, processingMs: null as number | null },
    });
    // The event's outcome and `webhook.received` (with the processing time it measured) in one statement.
    const processingMs = await this.events.finish({
      tenantId: command.tenantId,
      eventId: event.id,
      status,
      error,
      executionId,
      received,
      correlationId: RequestContext.current()?.correlationId ?? null,
    });
    if (processingMs !== undefined) {
      received.payload.processingMs = processingMs;
      this.eventBus.publish(received);
    }
    if (error) this.stats.failed(event.webhookId, error);
  }
}
