import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../config/app-config.js';
import { ROOT_LOGGER, type RootLogger } from '../../../platform/observability/logger.module.js';
import { QueueNames } from '../../../platform/queue/queue-names.js';
import type { WebhookEventJob } from './webhook-ingress.service.js';

/**
 * Nothing acknowledged is lost: events committed but never queued (Redis down, process killed after
 * the commit) are queued again. The job id is the event id, so an event already queued is untouched.
 */
@Injectable()
export class UnprocessedEventSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QueueNames.webhookEvents) private readonly queue: Queue<WebhookEventJob>,
    private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch((error: unknown) => this.logger.warn({ err: error }, 'event sweep failed')), this.config.workerLockDurationMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(olderThanSeconds = (2 * this.config.workerLockDurationMs) / 1000): Promise<number> {
    const rows: { id: string; tenantId: string }[] = await this.dataSource.query(
      `SELECT id, tenant_id AS "tenantId" FROM webhook_events WHERE status = 'received' AND received_at < now() - make_interval(secs => $1) ORDER BY received_at LIMIT 1000`,
      [olderThanSeconds],
    );
    let queued = 0;
    for (const row of rows) {
      const job = await this.queue.getJob(row.id);
      if (job && !['completed', 'failed'].includes(await job.getState())) continue;
      if (job) await job.remove();
      await this.queue.add('process-event', { eventId: row.id, tenantId: row.tenantId }, { jobId: row.id });
      queued++;
    }
    if (queued > 0) this.logger.warn({ queued }, 'queued stored webhook events again');
    return queued;
  }
}
