import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SecretBox } from '../../../platform/crypto/secret-box.js';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import type { WebhookResponse } from '../dto/webhook.response.js';
import { WebhookEntity } from '../entities/webhook.entity.js';
import { WebhookChangedEvent } from '../events/webhook-changed.event.js';
import { WebhookPresenter } from '../webhook.presenter.js';
import { WebhookRepository } from '../webhook.repository.js';
import { newWebhookToken, WEBHOOK_SECRET_AAD } from '../webhook-token.js';
import { CreateWebhookCommand } from './create-webhook.command.js';

@CommandHandler(CreateWebhookCommand)
export class CreateWebhookHandler implements ICommandHandler<CreateWebhookCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly webhooks: WebhookRepository,
    private readonly secretBox: SecretBox,
    private readonly presenter: WebhookPresenter,
  ) {}

  async execute(command: CreateWebhookCommand): Promise<WebhookResponse> {
    const { input } = command;
    await this.webhooks.assertWebhookTrigger(command.tenantId, input.workflowId, input.nodeId);
    const token = newWebhookToken(this.secretBox, command.tenantId);
    const webhook = await this.unitOfWork.run(async (tx) => {
      const saved = await tx.manager.save(
        tx.manager.create(WebhookEntity, {
          tenantId: command.tenantId,
          workflowId: input.workflowId,
          nodeId: input.nodeId,
          name: input.name,
          provider: input.provider,
          status: 'active',
          authTokenSealed: token.sealed,
          authTokenHash: token.hash,
          secretKeySealed: input.secretKey
            ? this.secretBox.seal(command.tenantId, input.secretKey, WEBHOOK_SECRET_AAD)
            : null,
          config: { ...(input.config ?? {}) },
        }),
      );
      tx.record(
        new WebhookChangedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'webhook',
          aggregateId: saved.id,
          payload: { change: 'created' },
        }),
      );
      return saved;
    });
    return this.presenter.presentOne(webhook);
  }
}
