import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import type { Job, MinimalJob } from 'bullmq';
import { AppConfig } from '../../config/app-config.js';
import { QueueNames } from '../../platform/queue/queue-names.js';
import { QueueWorkerHost } from '../../platform/queue/queue-worker-host.js';
import { FailNodeRunCommand } from './commands/fail-node-run.command.js';
import { RunNodeCommand } from './commands/run-node.command.js';
import { nodeBackoff } from './node-backoff.js';
import type { NodeJobData } from './node-job.js';
import { TenantFairness } from './tenant-fairness.js';

/**
 * Thin: parse the job, run the command, let BullMQ retry what should be retried (with the node's
 * backoff) and re-deliver what a dead worker left (stalled-job recovery). A job that fails outside the
 * node's own handling and is given up (see QueueWorkerHost) fails its node.
 */
@Processor(QueueNames.nodes, {
  autorun: false,
  maxStalledCount: 3,
  settings: {
    backoffStrategy: (attemptsMade: number, _type?: string, error?: Error, job?: MinimalJob) =>
      nodeBackoff(
        attemptsMade,
        Number((job?.opts.backoff as { delay?: number } | undefined)?.delay ?? 1000),
        error,
        Math.random,
        (job?.data as NodeJobData | undefined)?.maxBackoffMs,
      ),
  },
})
export class NodeJobProcessor extends QueueWorkerHost {
  constructor(
    private readonly commands: CommandBus,
    private readonly fairness: TenantFairness,
  ) {
    super();
  }

  protected override configureWorker(config: AppConfig): void {
    this.worker.concurrency = config.workerConcurrency;
  }

  async process(job: Job<NodeJobData>, token?: string): Promise<void> {
    const outcome = await this.runJob(
      job,
      token,
      () => this.commands.execute(new RunNodeCommand(job.data, job.attemptsMade + 1, job.opts.attempts ?? 1)),
      (failure) => this.commands.execute(new FailNodeRunCommand(job.data, failure)),
    );
    if (outcome.kind === 'retry') throw outcome.error;
    if (outcome.kind === 'deferred') await this.delay(job, token, outcome.delayMs);
  }

  @OnWorkerEvent('completed')
  onCompleted(job: Job<NodeJobData>): void {
    this.fairness.release(job.data.tenantId);
  }

  /** A job failed for good (its last attempt, or given up at once with UnrecoverableError) leaves the tenant's count. */
  @OnWorkerEvent('failed')
  onFailed(job: Job<NodeJobData> | undefined, error: Error | undefined): void {
    if (job && (error?.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1)))
      this.fairness.release(job.data.tenantId);
  }
}
