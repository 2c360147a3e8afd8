import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { ROOT_LOGGER, type RootLogger } from '../observability/logger.module.js';

/**
 * WorkerHost for every queue of the product. Processors declare `autorun: false`; the worker starts at
 * bootstrap with WORKER_LOCK_DURATION_MS applied, so a dead worker's jobs of any queue are re-delivered
 * after about that long. Connection errors (Redis restarting) go to the JSON log instead of BullMQ's
 * console.error fallback; the worker reconnects on its own.
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

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.queueLogger.warn({ err: error, queue: this.worker.name }, 'queue worker error');
  }
}
