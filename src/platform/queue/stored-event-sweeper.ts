import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';

export interface StoredEventJob {
  eventId: string;
  tenantId: string;
}

/**
 * Nothing acknowledged is lost: events committed with status `received` but never queued (Redis
 * down, process killed after the commit) are queued again, every lock duration, once they are two
 * lock durations old. The job id is the event id, so an event whose job is still alive is untouched.
 */
export abstract class StoredEventSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  protected constructor(
    private readonly dataSource: DataSource,
    private readonly queue: Queue<StoredEventJob>,
    private readonly logger: Logger,
    private readonly lockDurationMs: number,
    /** Table of the stored events (`received` / `processed` / `failed` statuses, `received_at`). */
    private readonly table: 'webhook_events' | 'channel_events',
    private readonly jobName: string,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch((error: unknown) => this.logger.warn({ err: error, table: this.table }, 'event sweep failed')), this.lockDurationMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Returns how many events were queued again. */
  async sweep(olderThanSeconds = (2 * this.lockDurationMs) / 1000): Promise<number> {
    const rows: { id: string; tenantId: string }[] = await this.dataSource.query(
      `SELECT id, tenant_id AS "tenantId" FROM ${this.table} WHERE status = 'received' AND received_at < now() - make_interval(secs => $1) ORDER BY received_at LIMIT 1000`,
      [olderThanSeconds],
    );
    let queued = 0;
    for (const row of rows) {
      const job = await this.queue.getJob(row.id);
      if (job && !['completed', 'failed'].includes(await job.getState())) continue;
      if (job) await job.remove();
      await this.queue.add(this.jobName, { eventId: row.id, tenantId: row.tenantId }, { jobId: row.id });
      queued++;
    }
    if (queued > 0) this.logger.warn({ queued, table: this.table }, 'queued stored events again');
    return queued;
  }
}
