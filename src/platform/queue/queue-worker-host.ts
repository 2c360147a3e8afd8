import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { AppConfig } from '../../config/app-config.js';
import { isDatabaseUnavailable } from '../database/connection-errors.js';
import { ROOT_LOGGER, type RootLogger } from '../observability/logger.module.js';
import { RequestContext } from '../observability/request-context.js';

/** How long a job waits when PostgreSQL cannot be reached, before it is tried again. */
const DATABASE_RETRY_MS = 1000;

/** What every job of the product carries: its tenant and the correlation id to log under. */
export interface TenantJobData {
  tenantId: string;
  correlationId?: string;
}

/**
 * WorkerHost for every queue of the product. Processors declare `autorun: false`; the worker starts at
 * bootstrap with WORKER_LOCK_DURATION_MS applied, so a dead worker's jobs of any queue are re-delivered
 * after about that long. Jobs run in their request context (tenant, correlation id), and PostgreSQL
 * unreachable delays a job instead of spending one of its attempts: an outage is nobody's failure.
 * Connection errors (Redis restarting) go to the JSON log instead of BullMQ's console.error fallback;
 * the worker reconnects on its own.
 */
export abstract class QueueWorkerHost extends WorkerHost implements OnApplicationBootstrap {
  @Inject(ROOT_LOGGER) private readonly queueLogger!: RootLogger;
  @Inject(AppConfig) private readonly queueConfig!: AppConfig;

  onApplicationBootstrap(): void {
    const lockDuration = this.queueConfig.workerLockDurationMs;
    this.worker.opts.lockDuration = lockDuration;
    this.worker.opts.lockRenewTime = lockDuration / 2;
    this.worker.opts.stalledInterval = lockDuration;
    this.configureWorker(this.queueConfig);
    // The lock manager copies the lock options when the worker is built; rebuild it before the first run.
    (this.worker as unknown as { createLockManager(): void }).createLockManager();
    void this.worker.run();
  }

  /** Queue-specific settings applied before the worker starts. */
  protected configureWorker(_config: AppConfig): void {}

  /** Runs `work` for `job` in its request context; PostgreSQL unreachable delays the job. */
  protected async runJob<T>(job: Job<TenantJobData>, token: string | undefined, work: () => Promise<T>): Promise<T> {
    const context = { correlationId: job.data.correlationId ?? `job:${job.id}`, tenantId: job.data.tenantId };
    try {
      return await RequestContext.run(context, work);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      return this.delay(job, token, DATABASE_RETRY_MS);
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
