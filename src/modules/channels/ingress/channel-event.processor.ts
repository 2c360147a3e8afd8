import { Processor } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bullmq';
import { QueueNames } from '../../../platform/queue/queue-names.js';
import { QueueWorkerHost } from '../../../platform/queue/queue-worker-host.js';
import { ProcessChannelEventCommand } from '../commands/process-channel-event.command.js';
import type { ChannelEventJob } from './channel-ingress.service.js';

@Processor(QueueNames.channelEvents, { concurrency: 16, autorun: false })
export class ChannelEventProcessor extends QueueWorkerHost {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async process(job: Job<ChannelEventJob>, token?: string): Promise<void> {
    await this.runJob(job, token, () => this.commands.execute(new ProcessChannelEventCommand(job.data.tenantId, job.data.eventId)));
  }
}
