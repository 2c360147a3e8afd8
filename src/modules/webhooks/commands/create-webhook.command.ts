import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';
import type { CreateWebhookDto } from '../dto/create-webhook.dto.js';
import type { WebhookResponse } from '../dto/webhook.response.js';

export class CreateWebhookCommand extends TenantCommand<WebhookResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly input: CreateWebhookDto,
  ) {
    super(tenantId, actorId);
  }
}
