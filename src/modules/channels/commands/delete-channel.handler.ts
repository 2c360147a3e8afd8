import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { ChannelChangedEvent } from '../channel-changed.event.js';
import { ChannelRepository } from '../channel.repository.js';
import { DeleteChannelCommand } from './delete-channel.command.js';

@CommandHandler(DeleteChannelCommand)
export class DeleteChannelHandler implements ICommandHandler<DeleteChannelCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly channels: ChannelRepository,
  ) {}

  execute(command: DeleteChannelCommand): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const channel = await this.channels.get(command.tenantId, command.channelId, tx.manager);
      await this.channels.scoped(tx.manager).deleteById(command.tenantId, channel.id);
      tx.record(
        new ChannelChangedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'channel',
          aggregateId: channel.id,
          payload: { change: 'deleted' },
        }),
      );
    });
  }
}
