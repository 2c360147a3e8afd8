import { CommandBus, CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { pgPool } from '../../../platform/database/pg-pool.js';
import { DomainError } from '../../../platform/errors/domain-error.js';
import { ExpressionError } from '../../../platform/expressions/expression-error.js';
import { TemplateEvaluator } from '../../../platform/expressions/template-evaluator.js';
import { RequestContext } from '../../../platform/observability/request-context.js';
import { EVENT_STORE_INSERT } from '../../../platform/outbox/unit-of-work.js';
import { ContactDirectory } from '../../contacts/contact-directory.js';
import { StartExecutionCommand } from '../../executions/commands/start-execution.command.js';
import { WebhookReceivedEvent } from '../events/webhook-received.event.js';
import { parsePayload } from '../payload-parser.js';
import { PayloadSchemaValidator } from '../payload-schema.validator.js';
import type { WebhookConfig } from '../entities/webhook.entity.js';
import { WebhookStats } from '../webhook-stats.js';
import { ProcessWebhookEventCommand } from './process-webhook-event.command.js';
import { textWithoutNul } from '../../../platform/database/postgres-text.js';

interface EventRow {
  id: string;
  status: string;
  webhookId: string;
  provider: string;
  rawBody: Buffer;
  contentType: string | null;
  headers: Record<string, string>;
  query: Record<string, string>;
  customerId: string | null;
  workflowId: string;
  nodeId: string;
  config: WebhookConfig;
}

/**
 * Turns a stored event into an execution of the published workflow version. Problems that a retry
 * cannot fix (schema mismatch, nothing published, a broken template) mark the event `failed`;
 * anything else is thrown so BullMQ retries the job.
 */
@CommandHandler(ProcessWebhookEventCommand)
export class ProcessWebhookEventHandler implements ICommandHandler<ProcessWebhookEventCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eventBus: EventBus,
    private readonly commands: CommandBus,
    private readonly schemas: PayloadSchemaValidator,
    private readonly templates: TemplateEvaluator,
    private readonly contacts: ContactDirectory,
    private readonly stats: WebhookStats,
  ) {}

  async execute(command: ProcessWebhookEventCommand): Promise<void> {
    const [event]: EventRow[] = await this.dataSource.query(
      `SELECT e.id, e.status, e.webhook_id AS "webhookId", e.provider, e.raw_body AS "rawBody", e.content_type AS "contentType", e.headers, e.query,
              e.customer_id AS "customerId", w.workflow_id AS "workflowId", w.node_id AS "nodeId", w.config
         FROM webhook_events e JOIN webhooks w ON w.id = e.webhook_id
        WHERE e.id = $1 AND e.tenant_id = $2`,
      [command.eventId, command.tenantId],
    );
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
    // One statement: the event's outcome and `webhook.received` (with the processing time it measured).
    const { rows } = await pgPool(this.dataSource).query<{ processingMs: number }>({
      name: 'finish-webhook-event',
      text: `WITH finished AS (
               UPDATE webhook_events SET status = $3, error = $4, workflow_execution_id = coalesce($5, workflow_execution_id), processed_at = now(),
                      processing_time_ms = (extract(epoch FROM (now() - received_at)) * 1000)::int
                WHERE id = $1 AND tenant_id = $2
                RETURNING processing_time_ms
             ), event AS (
               ${EVENT_STORE_INSERT}
               SELECT $2, $6, 'webhook', $7, NULL, $8, $9::jsonb || jsonb_build_object('processingMs', finished.processing_time_ms), $10 FROM finished
             )
             SELECT processing_time_ms AS "processingMs" FROM finished`,
      values: [event.id, command.tenantId, status, error, executionId, received.type, event.webhookId, RequestContext.current()?.correlationId ?? null, JSON.stringify(received.payload), received.occurredAt],
    });
    if (rows[0]) {
      received.payload.processingMs = rows[0].processingMs;
      this.eventBus.publish(received);
    }
    if (error) this.stats.failed(event.webhookId, error);
  }
}
