import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueNames } from '../../platform/queue/queue-names.js';
import { waitJobId, type WaitJobData } from './wait-job.js';

/** Queues a delayed `waits` job that fires at `dueAt` (at once when it is past). */
@Injectable()
export class WaitTimerScheduler {
  constructor(@InjectQueue(QueueNames.waits) private readonly queue: Queue<WaitJobData>) {}

  async schedule(data: WaitJobData, dueAt: Date): Promise<void> {
    await this.queue.add(data.kind, data, { jobId: waitJobId(data), delay: Math.max(0, dueAt.getTime() - Date.now()) });
  }
}
