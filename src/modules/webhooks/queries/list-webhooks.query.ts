import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { ListWebhooksQueryDto } from '../dto/list-webhooks-query.dto.js';
import type { WebhookPageResponse } from '../dto/webhook.response.js';

export class ListWebhooksQuery extends TenantQuery<WebhookPageResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly filters: ListWebhooksQueryDto,
  ) {
    super(tenantId, actorId);
  }
}
