import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { ROOT_LOGGER, type RootLogger } from '../observability/logger.module.js';

/**
 * WorkerHost whose connection errors (Redis restarting, a job lost with it) go to the JSON log
 * instead of BullMQ's console.error fallback; the worker reconnects on its own.
 */
export abstract class QueueWorkerHost extends WorkerHost {
  @Inject(ROOT_LOGGER) private readonly queueLogger!: RootLogger;

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.queueLogger.warn({ err: error, queue: this.worker.name }, 'queue worker error');
  }
}
