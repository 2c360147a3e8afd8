import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { WebhookResponse } from '../dto/webhook.response.js';

export class GetWebhookQuery extends TenantQuery<WebhookResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly webhookId: string,
  ) {
    super(tenantId, actorId);
  }
}
