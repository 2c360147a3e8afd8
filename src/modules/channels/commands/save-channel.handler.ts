import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '../../../config/app-config.js';
import { SecretBox } from '../../../platform/crypto/secret-box.js';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { CHANNEL_CREDENTIALS_AAD, maskChannelCredentials, validateChannelCredentials } from '../channel-credentials.js';
import { ChannelRepository } from '../channel.repository.js';
import { ChannelResponse, type CreateChannelDto } from '../dto/channel.dto.js';
import { ChannelEntity } from '../entities/channel.entity.js';
import { ChannelChangedEvent } from '../channel-changed.event.js';
import { SaveChannelCommand } from './save-channel.command.js';

@CommandHandler(SaveChannelCommand)
export class SaveChannelHandler implements ICommandHandler<SaveChannelCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly channels: ChannelRepository,
    private readonly secretBox: SecretBox,
    private readonly config: AppConfig,
  ) {}

  async execute(command: SaveChannelCommand): Promise<ChannelResponse> {
    const credentials =
      command.input.credentials === undefined ? undefined : validateChannelCredentials(command.input.credentials);
    const saved = await this.unitOfWork.run(async (tx) => {
      const channel = command.channelId
        ? await this.channels.get(command.tenantId, command.channelId, tx.manager)
        : tx.manager.create(ChannelEntity, {
            tenantId: command.tenantId,
            provider: (command.input as CreateChannelDto).provider,
          });
      if (command.input.name !== undefined) channel.name = command.input.name;
      if (credentials) {
        channel.credentialsSealed = this.secretBox.sealJson(command.tenantId, credentials, CHANNEL_CREDENTIALS_AAD);
        channel.masked = maskChannelCredentials(credentials);
      }
      const row = await this.channels.scoped(tx.manager).save(command.tenantId, channel);
      tx.record(
        new ChannelChangedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'channel',
          aggregateId: row.id,
          payload: { change: command.channelId ? 'updated' : 'created' },
        }),
      );
      return row;
    });
    return ChannelResponse.from(saved, this.config.publicBaseUrl);
  }
}
