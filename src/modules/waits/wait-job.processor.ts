import { Processor } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bullmq';
import { QueueNames } from '../../platform/queue/queue-names.js';
import { QueueWorkerHost } from '../../platform/queue/queue-worker-host.js';
import { ProcessWaitJobCommand } from './commands/process-wait-job.command.js';
import type { WaitJobData } from './wait-job.js';

/** Thin: one job per timer or expiry; errors are thrown so BullMQ retries them. */
@Processor(QueueNames.waits, { concurrency: 16, autorun: false })
export class WaitJobProcessor extends QueueWorkerHost {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async process(job: Job<WaitJobData>, token?: string): Promise<void> {
    await this.runJob(job, token, () => this.commands.execute(new ProcessWaitJobCommand(job.data)));
  }
}
