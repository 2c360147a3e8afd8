import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DelayedError, type Job, type MinimalJob } from 'bullmq';
import { AppConfig } from '../../config/app-config.js';
import { QueueNames } from '../../platform/queue/queue-names.js';
import { RequestContext } from '../../platform/observability/request-context.js';
import { QueueWorkerHost } from '../../platform/queue/queue-worker-host.js';
import { RunNodeCommand } from './commands/run-node.command.js';
import { nodeBackoff } from './node-backoff.js';
import type { NodeJobData } from './node-job.js';
import { TenantFairness } from './tenant-fairness.js';

/**
 * Thin: parse the job, run the command, let BullMQ retry what should be retried (with the node's
 * backoff) and re-deliver what a dead worker left (stalled-job recovery).
 */
@Processor(QueueNames.nodes, {
  // Started in onApplicationBootstrap, once the configured concurrency and lock duration are applied.
  autorun: false,
  maxStalledCount: 3,
  settings: {
    backoffStrategy: (attemptsMade: number, _type?: string, error?: Error, job?: MinimalJob) =>
      nodeBackoff(attemptsMade, Number((job?.opts.backoff as { delay?: number } | undefined)?.delay ?? 1000), error, Math.random, (job?.data as NodeJobData | undefined)?.maxBackoffMs),
  },
})
export class NodeJobProcessor extends QueueWorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly commands: CommandBus,
    private readonly fairness: TenantFairness,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.workerConcurrency;
    this.worker.opts.lockDuration = this.config.workerLockDurationMs;
    this.worker.opts.lockRenewTime = this.config.workerLockDurationMs / 2;
    this.worker.opts.stalledInterval = this.config.workerLockDurationMs;
    // The lock manager copies the lock options when the worker is built; rebuild it before the first run.
    (this.worker as unknown as { createLockManager(): void }).createLockManager();
    void this.worker.run();
  }

  async process(job: Job<NodeJobData>, token?: string): Promise<void> {
    const { data } = job;
    await RequestContext.run({ correlationId: data.correlationId ?? `job:${job.id}`, tenantId: data.tenantId }, async () => {
      const outcome = await this.commands.execute(new RunNodeCommand(data, job.attemptsMade + 1, job.opts.attempts ?? 1));
      if (outcome.kind === 'retry') throw outcome.error;
      if (outcome.kind === 'deferred') {
        await job.moveToDelayed(Date.now() + outcome.delayMs, token);
        throw new DelayedError();
      }
    });
  }

  @OnWorkerEvent('completed')
  onCompleted(job: Job<NodeJobData>): void {
    void this.fairness.release(job.data.tenantId);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<NodeJobData> | undefined): void {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) void this.fairness.release(job.data.tenantId);
  }
}
