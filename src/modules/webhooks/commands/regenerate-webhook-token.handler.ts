import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SecretBox } from '../../../platform/crypto/secret-box.js';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import type { WebhookTokenResponse } from '../dto/webhook.response.js';
import { WebhookEntity } from '../entities/webhook.entity.js';
import { WebhookChangedEvent } from '../events/webhook-changed.event.js';
import { WebhookRepository } from '../webhook.repository.js';
import { newWebhookToken } from '../webhook-token.js';
import { RegenerateWebhookTokenCommand } from './regenerate-webhook-token.command.js';

@CommandHandler(RegenerateWebhookTokenCommand)
export class RegenerateWebhookTokenHandler implements ICommandHandler<RegenerateWebhookTokenCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly webhooks: WebhookRepository,
    private readonly secretBox: SecretBox,
  ) {}

  execute(command: RegenerateWebhookTokenCommand): Promise<WebhookTokenResponse> {
    return this.unitOfWork.run(async (tx) => {
      const webhook = await this.webhooks.get(command.tenantId, command.webhookId, tx.manager);
      const token = newWebhookToken(this.secretBox, command.tenantId);
      await tx.manager.update(
        WebhookEntity,
        { id: webhook.id, tenantId: command.tenantId },
        { authTokenSealed: token.sealed, authTokenHash: token.hash },
      );
      tx.record(
        new WebhookChangedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'webhook',
          aggregateId: webhook.id,
          payload: { change: 'token_regenerated' },
        }),
      );
      return { authToken: token.token };
    });
  }
}
