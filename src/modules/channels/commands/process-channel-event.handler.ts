import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { JsonTooDeepError } from '../../../platform/database/postgres-text.js';
import { DomainError } from '../../../platform/errors/domain-error.js';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../../../platform/json/json-depth.js';
import { classifyJobFailure } from '../../../platform/queue/job-failure.js';
import { ContactDirectory } from '../../contacts/index.js';
import { StartExecutionCommand } from '../../executions/index.js';
import { parsePayload } from '../../webhook-providers/index.js';
import { WorkflowVersionReader } from '../../workflows/index.js';
import { ProcessChannelEventCommand } from './process-channel-event.command.js';

interface EventRow {
  id: string;
  status: string;
  channelId: string;
  event: string;
  rawBody: Buffer;
  contentType: string | null;
  headers: Record<string, string>;
  customerId: string | null;
}

@CommandHandler(ProcessChannelEventCommand)
export class ProcessChannelEventHandler implements ICommandHandler<ProcessChannelEventCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: CommandBus,
    private readonly workflows: WorkflowVersionReader,
    private readonly contacts: ContactDirectory,
  ) {}

  async execute(command: ProcessChannelEventCommand): Promise<void> {
    const [event]: EventRow[] = await this.dataSource.query(
      `SELECT id, status, channel_id AS "channelId", event, raw_body AS "rawBody", content_type AS "contentType", headers, customer_id AS "customerId"
         FROM channel_events WHERE id = $1 AND tenant_id = $2`,
      [command.eventId, command.tenantId],
    );
    if (!event || event.status !== 'received') return;
    const body = parsePayload(event.rawBody, event.contentType);
    // A payload stored before ingress refused such nesting: a poison event, given up at once (FailChannelEventCommand).
    if (exceedsJsonDepth(body)) throw new JsonTooDeepError('The payload', MAX_JSON_DEPTH);
    const triggers = await this.workflows.channelTriggers(command.tenantId, event.channelId, event.event);
    const contactId = event.customerId
      ? await this.contacts.upsert(command.tenantId, `channel:${event.channelId}`, event.customerId)
      : null;
    const input = { body, headers: event.headers, query: {} };
    const executionIds: string[] = [];
    const errors: string[] = [];
    for (const trigger of triggers) {
      try {
        const { executionId } = await this.commands.execute(
          new StartExecutionCommand(command.tenantId, null, {
            workflowId: trigger.workflowId,
            version: 'published',
            triggerType: 'channel',
            triggerNodeId: trigger.nodeId,
            triggerNodeType: 'trigger.channel',
            triggerInput: input,
            contactId,
            sourceKey: `channel-event:${event.id}:${trigger.workflowId}:${trigger.nodeId}`,
            // This job did the trigger's work: the trigger node is recorded with the execution.
            triggerRan: true,
          }),
        );
        executionIds.push(executionId);
      } catch (error) {
        // What the event or workflow gets wrong fails this start; anything else (a dependency down included) is thrown for another attempt.
        if (!(error instanceof DomainError) || !classifyJobFailure(error).permanent) throw error;
        errors.push(error.message);
      }
    }
    const error =
      triggers.length === 0
        ? 'No published workflow listens to this channel event.'
        : errors.length > 0
          ? errors.join('; ')
          : null;
    await this.dataSource.query(
      `UPDATE channel_events SET status = $3, error = $4, execution_ids = $5::uuid[], processed_at = now() WHERE id = $1 AND tenant_id = $2`,
      [event.id, command.tenantId, executionIds.length > 0 ? 'processed' : 'failed', error, executionIds],
    );
  }
}
