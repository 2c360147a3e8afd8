import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { JsonTooDeepError, textWithoutNul } from '../../../platform/database/postgres-text.js';
import { DomainError } from '../../../platform/errors/domain-error.js';
import { ExpressionError } from '../../../platform/expressions/expression-error.js';
import { TemplateEvaluator } from '../../../platform/expressions/template-evaluator.js';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../../../platform/json/json-depth.js';
import { classifyJobFailure } from '../../../platform/queue/job-failure.js';
import { ContactDirectory } from '../../contacts/index.js';
import { StartExecutionCommand } from '../../executions/index.js';
import { parsePayload } from '../../webhook-providers/index.js';
import { PayloadSchemaValidator } from '../payload-schema.validator.js';
import { ProcessWebhookEventCommand } from './process-webhook-event.command.js';
import { ProcessingEventStore } from './processing-event.store.js';
import { WebhookEventOutcomes } from './webhook-event-outcomes.js';

/**
 * Turns a stored event into an execution of the published workflow version. Problems that a retry
 * cannot fix (schema mismatch, nothing published, a broken template) mark the event `failed`;
 * anything else is thrown so BullMQ retries the job. A payload nesting deeper than MAX_JSON_DEPTH (one
 * stored before ingress refused them) is a poison event: it is thrown as a permanent failure, and the
 * job gives up on it at once (FailWebhookEventCommand).
 */
@CommandHandler(ProcessWebhookEventCommand)
export class ProcessWebhookEventHandler implements ICommandHandler<ProcessWebhookEventCommand> {
  constructor(
    private readonly events: ProcessingEventStore,
    private readonly outcomes: WebhookEventOutcomes,
    private readonly commands: CommandBus,
    private readonly schemas: PayloadSchemaValidator,
    private readonly templates: TemplateEvaluator,
    private readonly contacts: ContactDirectory,
  ) {}

  async execute(command: ProcessWebhookEventCommand): Promise<void> {
    const event = await this.events.load(command.tenantId, command.eventId);
    if (!event || (event.status !== 'received' && !command.replay)) return;

    const body = parsePayload(event.rawBody, event.contentType);
    if (exceedsJsonDepth(body)) throw new JsonTooDeepError('The payload', MAX_JSON_DEPTH);
    let executionId: string | null = null;
    let error: string | null = null;
    try {
      const schemaProblem = event.config.expectedPayloadSchema
        ? this.schemas.check(event.config.expectedPayloadSchema, body)
        : null;
      if (schemaProblem)
        throw new DomainError(
          'invalid_input',
          'payload_mismatch',
          `The payload does not match expectedPayloadSchema: ${schemaProblem}`,
        );
      const trigger = { body, headers: event.headers, query: event.query };
      const input =
        event.config.transformationTemplate === undefined
          ? trigger
          : { ...trigger, body: await this.templates.renderDeep(event.config.transformationTemplate, { trigger }) };
      const contactId = event.customerId
        ? await this.contacts.upsert(command.tenantId, event.provider, event.customerId)
        : null;
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
      // What the event itself gets wrong fails it now; anything else (a dependency down included) is thrown for another attempt.
      if (
        !(caught instanceof DomainError || caught instanceof ExpressionError) ||
        !classifyJobFailure(caught).permanent
      )
        throw caught;
      error = textWithoutNul(caught.message);
    }

    await this.outcomes.record(event, { status: error ? 'failed' : 'processed', error, executionId });
  }
}
