import { InjectQueue } from '@nestjs/bullmq';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { QueueNames } from '../../../platform/queue/queue-names.js';
import { RequestContext } from '../../../platform/observability/request-context.js';
import { webhookEventNotFound } from '../domain/webhook-errors.js';
import type { WebhookEventJob } from '../ingress/webhook-ingress.service.js';
import { ReplayWebhookEventCommand } from './replay-webhook-event.command.js';

@CommandHandler(ReplayWebhookEventCommand)
export class ReplayWebhookEventHandler implements ICommandHandler<ReplayWebhookEventCommand> {
  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QueueNames.webhookEvents) private readonly queue: Queue<WebhookEventJob & { replay: boolean }>,
  ) {}

  async execute(command: ReplayWebhookEventCommand): Promise<{ eventId: string }> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM webhook_events WHERE id = $1 AND webhook_id = $2 AND tenant_id = $3`,
      [command.eventId, command.webhookId, command.tenantId],
    );
    if (rows.length === 0) throw webhookEventNotFound();
    await this.queue.add(
      'replay-event',
      {
        eventId: command.eventId,
        tenantId: command.tenantId,
        replay: true,
        correlationId: RequestContext.current()?.correlationId,
      },
      { jobId: `${command.eventId}.replay.${randomUUID()}` },
    );
    return { eventId: command.eventId };
  }
}
