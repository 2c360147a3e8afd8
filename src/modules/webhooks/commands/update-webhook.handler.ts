import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SecretBox } from '../../../platform/crypto/secret-box.js';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import type { WebhookResponse } from '../dto/webhook.response.js';
import { WebhookChangedEvent } from '../events/webhook-changed.event.js';
import { WebhookPresenter } from '../webhook.presenter.js';
import { WebhookRepository } from '../webhook.repository.js';
import { WEBHOOK_SECRET_AAD } from '../webhook-token.js';
import { UpdateWebhookCommand } from './update-webhook.command.js';

@CommandHandler(UpdateWebhookCommand)
export class UpdateWebhookHandler implements ICommandHandler<UpdateWebhookCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly webhooks: WebhookRepository,
    private readonly secretBox: SecretBox,
    private readonly presenter: WebhookPresenter,
  ) {}

  async execute(command: UpdateWebhookCommand): Promise<WebhookResponse> {
    const { change } = command;
    const webhook = await this.unitOfWork.run(async (tx) => {
      const current = await this.webhooks.get(command.tenantId, command.webhookId, tx.manager);
      let label: string;
      if (change.kind === 'update') {
        const input = change.input;
        const workflowId = input.workflowId ?? current.workflowId;
        const nodeId = input.nodeId ?? current.nodeId;
        if (input.workflowId !== undefined || input.nodeId !== undefined)
          await this.webhooks.assertWebhookTrigger(command.tenantId, workflowId, nodeId);
        Object.assign(current, {
          name: input.name ?? current.name,
          workflowId,
          nodeId,
          provider: input.provider ?? current.provider,
          config: input.config ? { ...input.config } : current.config,
          secretKeySealed: input.secretKey
            ? this.secretBox.seal(command.tenantId, input.secretKey, WEBHOOK_SECRET_AAD)
            : current.secretKeySealed,
        });
        label = 'updated';
      } else {
        const status = change.kind === 'activate' ? 'active' : 'inactive';
        if (current.status === status) return current;
        current.status = status;
        label = change.kind === 'activate' ? 'activated' : 'deactivated';
      }
      const saved = await this.webhooks.scoped(tx.manager).save(command.tenantId, current);
      tx.record(
        new WebhookChangedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'webhook',
          aggregateId: saved.id,
          payload: { change: label },
        }),
      );
      return saved;
    });
    return this.presenter.presentOne(webhook);
  }
}
