import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Inject, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { AppConfig } from '../../config/app-config.js';
import { isDatabaseUnavailable } from '../database/connection-errors.js';
import { rebuildLockManager } from '../internals/bullmq-lock-manager.js';
import { ROOT_LOGGER, type RootLogger } from '../observability/logger.module.js';
import { RequestContext } from '../observability/request-context.js';
import { classifyJobFailure, type JobFailure } from './job-failure.js';
import { PoisonJobs } from './poison-jobs.js';

/** How long a job waits when PostgreSQL cannot be reached, before it is tried again. */
const DATABASE_RETRY_MS = 1000;

/** What every job of the product carries: its tenant and the correlation id to log under. */
export interface TenantJobData {
  tenantId: string;
  correlationId?: string;
}

/** Records that a job is given up for good: marks its event or node failed with the failure's reason. */
export type GiveUp = (failure: JobFailure) => Promise<void>;

/**
 * WorkerHost for every queue of the product. Processors declare `autorun: false`; the worker starts at
 * bootstrap with WORKER_LOCK_DURATION_MS applied, so a dead worker's jobs of any queue are re-delivered
 * after about that long. Jobs run in their request context (tenant, correlation id), and PostgreSQL
 * unreachable delays a job instead of spending one of its attempts: an outage is nobody's failure.
 * Connection errors (Redis restarting) go to the JSON log instead of BullMQ's console.error fallback;
 * the worker reconnects on its own.
 *
 * Poison jobs end: a permanent failure (see classifyJobFailure) is not retried, and a job that fails
 * for good — permanently, or on its last attempt — has its record marked failed by the processor's
 * GiveUp before it fails with BullMQ's UnrecoverableError (the reason as its failedReason), counted
 * and logged once (PoisonJobs). Should the record fail too, the stored-event sweeper records it from
 * the failed job later; it never queues a given-up job again.
 *
 * On shutdown the worker stops taking jobs and finishes the ones it holds before anything else closes
 * (see beforeApplicationShutdown).
 */
export abstract class QueueWorkerHost extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  @Inject(ROOT_LOGGER) private readonly queueLogger!: RootLogger;
  @Inject(AppConfig) private readonly queueConfig!: AppConfig;
  @Inject(PoisonJobs) private readonly poisonJobs!: PoisonJobs;

  onApplicationBootstrap(): void {
    const lockDuration = this.queueConfig.workerLockDurationMs;
    this.worker.opts.lockDuration = lockDuration;
    this.worker.opts.lockRenewTime = lockDuration / 2;
    this.worker.opts.stalledInterval = lockDuration;
    this.configureWorker(this.queueConfig);
    // The lock manager copies the lock options when the worker is built; rebuild it before the first run.
    rebuildLockManager(this.worker);
    void this.worker.run();
  }

  /**
   * Finishes the jobs this worker holds before onApplicationShutdown closes the queues, Redis and
   * PostgreSQL, in no order that waits for them. A job still running then would commit its work but
   * fail to queue what follows (the first node of an execution it started, the next node of one it
   * settled), and that work would wait for the unqueued-node sweeper: two lock durations, a minute by
   * default, on every restart or deploy. BullMQ closes the worker again later and gets the same promise.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  /** Queue-specific settings applied before the worker starts. */
  protected configureWorker(_config: AppConfig): void {}

  /**
   * Runs `work` for `job` in its request context; PostgreSQL unreachable delays the job. A failure that
   * is permanent, or on the job's last attempt, is given up: recorded by `giveUp` (when the queue has a
   * record to mark), counted, logged, and the job fails without further attempts.
   */
  protected async runJob<T>(
    job: Job<TenantJobData>,
    token: string | undefined,
    work: () => Promise<T>,
    giveUp?: GiveUp,
  ): Promise<T> {
    const context = { correlationId: job.data.correlationId ?? `job:${job.id}`, tenantId: job.data.tenantId };
    try {
      return await RequestContext.run(context, work);
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      if (isDatabaseUnavailable(error)) return this.delay(job, token, DATABASE_RETRY_MS);
      const failure = classifyJobFailure(error);
      const attempts = job.attemptsMade + 1;
      if (!failure.permanent && attempts < (job.opts.attempts ?? 1)) throw error;
      if (!giveUp) throw failure.permanent ? new UnrecoverableError(failure.reason) : error;
      try {
        await RequestContext.run(context, () => giveUp(failure));
      } catch (recordError) {
        if (isDatabaseUnavailable(recordError)) return this.delay(job, token, DATABASE_RETRY_MS);
        this.queueLogger.warn(
          { err: recordError, queue: this.worker.name, jobId: job.id },
          'could not record a job given up; the sweeper will record it from the failed job',
        );
        throw new UnrecoverableError(failure.reason);
      }
      RequestContext.run(context, () =>
        this.poisonJobs.recordGivenUp({
          queue: this.worker.name,
          jobId: job.id,
          tenantId: job.data.tenantId,
          attempts,
          failure,
          error,
        }),
      );
      throw new UnrecoverableError(failure.reason);
    }
  }

  /** Runs the job again after `delayMs`, without spending an attempt. */
  protected async delay(job: Job, token: string | undefined, delayMs: number): Promise<never> {
    await job.moveToDelayed(Date.now() + delayMs, token);
    throw new DelayedError();
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.queueLogger.warn({ err: error, queue: this.worker.name }, 'queue worker error');
  }
}
