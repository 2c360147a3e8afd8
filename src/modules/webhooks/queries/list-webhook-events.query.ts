import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { ListWebhookEventsQueryDto } from '../dto/list-webhook-events-query.dto.js';
import type { WebhookEventPageResponse } from '../dto/webhook-event.response.js';

export class ListWebhookEventsQuery extends TenantQuery<WebhookEventPageResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly webhookId: string,
    readonly filters: ListWebhookEventsQueryDto,
  ) {
    super(tenantId, actorId);
  }
}
