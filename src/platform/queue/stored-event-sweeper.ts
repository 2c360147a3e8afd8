import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { failureOfFailedJob, type JobFailure } from './job-failure.js';
import type { PoisonJobs } from './poison-jobs.js';

export interface StoredEventJob {
  eventId: string;
  tenantId: string;
}

/** A stored event still `received`. */
export interface StoredEvent {
  id: string;
  tenantId: string;
}

export interface SweepTiming {
  /** How often to sweep (SWEEP_INTERVAL_MS). */
  intervalMs: number;
  /** Jobs are re-delivered after this long when their worker dies (WORKER_LOCK_DURATION_MS). */
  lockDurationMs: number;
}

/**
 * Nothing acknowledged is lost: events committed with status `received` but never queued (Redis
 * down, process killed after the commit) are queued again, every sweep interval, once they are two
 * lock durations old. The job id is the event id, so an event whose job is still alive is untouched.
 *
 * Nothing is retried forever either: an event whose job BullMQ failed for good (the give-up could
 * not be recorded, or the job stalled past its limit because it crashed its worker each time) is
 * recorded failed from that job (`giveUp`), never queued again. Only `received` events are swept, and
 * a given-up event is `failed`.
 */
export abstract class StoredEventSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  protected constructor(
    private readonly dataSource: DataSource,
    private readonly queue: Queue<StoredEventJob>,
    private readonly logger: Logger,
    private readonly poisonJobs: PoisonJobs,
    private readonly timing: SweepTiming,
    /** Table of the stored events (`received` / `processed` / `failed` statuses, `received_at`). */
    private readonly table: 'webhook_events' | 'channel_events',
    private readonly jobName: string,
  ) {}

  /** Marks the event failed with the failure's reason (as the queue's processor does when it gives up). */
  protected abstract giveUp(event: StoredEvent, failure: JobFailure): Promise<void>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () =>
        void this.sweep().catch((error: unknown) =>
          this.logger.warn({ err: error, table: this.table }, 'event sweep failed'),
        ),
      this.timing.intervalMs,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Returns how many events were queued again. */
  async sweep(olderThanSeconds = (2 * this.timing.lockDurationMs) / 1000): Promise<number> {
    const rows: StoredEvent[] = await this.dataSource.query(
      `SELECT id, tenant_id AS "tenantId" FROM ${this.table} WHERE status = 'received' AND received_at < now() - make_interval(secs => $1) ORDER BY received_at LIMIT 1000`,
      [olderThanSeconds],
    );
    let queued = 0;
    for (const row of rows) {
      const job = await this.queue.getJob(row.id);
      const state = job ? await job.getState() : undefined;
      if (job && state === 'failed') {
        await this.recordGivenUp(row, job.attemptsMade, failureOfFailedJob(job));
        continue;
      }
      if (job && state !== 'completed') continue;
      if (job) await job.remove();
      await this.queue.add(this.jobName, { eventId: row.id, tenantId: row.tenantId }, { jobId: row.id });
      queued++;
    }
    if (queued > 0) this.logger.warn({ queued, table: this.table }, 'queued stored events again');
    return queued;
  }

  private async recordGivenUp(event: StoredEvent, attempts: number, failure: JobFailure): Promise<void> {
    await this.giveUp(event, failure);
    this.poisonJobs.recordGivenUp({
      queue: this.queue.name,
      jobId: event.id,
      tenantId: event.tenantId,
      attempts,
      failure,
    });
  }
}
