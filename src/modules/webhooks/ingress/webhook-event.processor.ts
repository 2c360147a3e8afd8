import { Processor } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bullmq';
import { QueueNames } from '../../../platform/queue/queue-names.js';
import { QueueWorkerHost } from '../../../platform/queue/queue-worker-host.js';
import { FailWebhookEventCommand } from '../commands/fail-webhook-event.command.js';
import { ProcessWebhookEventCommand } from '../commands/process-webhook-event.command.js';
import type { WebhookEventJob } from './webhook-ingress.service.js';

/** Thin: one job per accepted event; errors are thrown so BullMQ retries them, and a job that gives up fails its event. */
@Processor(QueueNames.webhookEvents, { concurrency: 32, autorun: false })
export class WebhookEventProcessor extends QueueWorkerHost {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async process(job: Job<WebhookEventJob & { replay?: boolean }>, token?: string): Promise<void> {
    const { tenantId, eventId, replay = false } = job.data;
    await this.runJob(
      job,
      token,
      () => this.commands.execute(new ProcessWebhookEventCommand(tenantId, eventId, replay)),
      (failure) => this.commands.execute(new FailWebhookEventCommand(tenantId, eventId, failure.reason, replay)),
    );
  }
}
