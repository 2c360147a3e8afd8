import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../config/app-config.js';
import { ROOT_LOGGER, type RootLogger } from '../../../platform/observability/logger.module.js';
import type { JobFailure } from '../../../platform/queue/job-failure.js';
import { PoisonJobs } from '../../../platform/queue/poison-jobs.js';
import { QueueNames } from '../../../platform/queue/queue-names.js';
import {
  StoredEventSweeper,
  type StoredEvent,
  type StoredEventJob,
} from '../../../platform/queue/stored-event-sweeper.js';
import { FailChannelEventCommand } from '../commands/fail-channel-event.command.js';

/** Re-queues accepted channel events that never reached the queue; fails those whose job gave up. */
@Injectable()
export class UnprocessedChannelEventSweeper extends StoredEventSweeper {
  constructor(
    dataSource: DataSource,
    @InjectQueue(QueueNames.channelEvents) queue: Queue<StoredEventJob>,
    config: AppConfig,
    @Inject(ROOT_LOGGER) logger: RootLogger,
    poisonJobs: PoisonJobs,
    private readonly commands: CommandBus,
  ) {
    super(
      dataSource,
      queue,
      logger,
      poisonJobs,
      { intervalMs: config.sweepIntervalMs, lockDurationMs: config.workerLockDurationMs },
      'channel_events',
      'process-channel-event',
    );
  }

  protected async giveUp(event: StoredEvent, failure: JobFailure): Promise<void> {
    await this.commands.execute(new FailChannelEventCommand(event.tenantId, event.id, failure.reason));
  }
}
