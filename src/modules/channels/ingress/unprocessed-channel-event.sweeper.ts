import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../config/app-config.js';
import { ROOT_LOGGER, type RootLogger } from '../../../platform/observability/logger.module.js';
import { QueueNames } from '../../../platform/queue/queue-names.js';
import { StoredEventSweeper, type StoredEventJob } from '../../../platform/queue/stored-event-sweeper.js';

/** Re-queues accepted channel events that never reached the queue. */
@Injectable()
export class UnprocessedChannelEventSweeper extends StoredEventSweeper {
  constructor(dataSource: DataSource, @InjectQueue(QueueNames.channelEvents) queue: Queue<StoredEventJob>, config: AppConfig, @Inject(ROOT_LOGGER) logger: RootLogger) {
    super(dataSource, queue, logger, config.workerLockDurationMs, 'channel_events', 'process-channel-event');
  }
}
