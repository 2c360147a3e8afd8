import { Processor } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bullmq';
import { QueueNames } from '../../../platform/queue/queue-names.js';
import { QueueWorkerHost } from '../../../platform/queue/queue-worker-host.js';
import { FailChannelEventCommand } from '../commands/fail-channel-event.command.js';
import { ProcessChannelEventCommand } from '../commands/process-channel-event.command.js';
import type { ChannelEventJob } from './channel-ingress.service.js';

/** Thin: one job per accepted channel event; errors are thrown so BullMQ retries them, and a job that gives up fails its event. */
@Processor(QueueNames.channelEvents, { concurrency: 16, autorun: false })
export class ChannelEventProcessor extends QueueWorkerHost {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async process(job: Job<ChannelEventJob>, token?: string): Promise<void> {
    const { tenantId, eventId } = job.data;
    await this.runJob(
      job,
      token,
      () => this.commands.execute(new ProcessChannelEventCommand(tenantId, eventId)),
      (failure) => this.commands.execute(new FailChannelEventCommand(tenantId, eventId, failure.reason)),
    );
  }
}
