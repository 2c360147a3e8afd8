import { Processor } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bullmq';
import { QueueNames } from '../../../platform/queue/queue-names.js';
import { QueueWorkerHost } from '../../../platform/queue/queue-worker-host.js';
import { ProcessWebhookEventCommand } from '../commands/process-webhook-event.command.js';
import type { WebhookEventJob } from './webhook-ingress.service.js';

/** Thin: one job per accepted event; errors are thrown so BullMQ retries them. */
@Processor(QueueNames.webhookEvents, { concurrency: 32, autorun: false })
export class WebhookEventProcessor extends QueueWorkerHost {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async process(job: Job<WebhookEventJob & { replay?: boolean }>, token?: string): Promise<void> {
    const { data } = job;
    await this.runJob(job, token, () => this.commands.execute(new ProcessWebhookEventCommand(data.tenantId, data.eventId, data.replay ?? false)));
  }
}
