import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { textWithoutNul } from '../../../platform/database/postgres-text.js';
import { FailChannelEventCommand } from './fail-channel-event.command.js';

/**
 * The job of a channel event gave up (a permanent failure, or its last attempt failed): the event
 * leaves `received` for `failed`, so no sweeper queues it again. An event already processed is left alone.
 */
@CommandHandler(FailChannelEventCommand)
export class FailChannelEventHandler implements ICommandHandler<FailChannelEventCommand> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: FailChannelEventCommand): Promise<void> {
    await this.dataSource.query(
      `UPDATE channel_events SET status = 'failed', error = $3, processed_at = now() WHERE id = $1 AND tenant_id = $2 AND status = 'received'`,
      [command.eventId, command.tenantId, textWithoutNul(command.reason)],
    );
  }
}
