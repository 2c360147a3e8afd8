import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { WebhookEventResponse } from '../dto/webhook-event.response.js';

export class GetWebhookEventQuery extends TenantQuery<WebhookEventResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly webhookId: string,
    readonly eventId: string,
  ) {
    super(tenantId, actorId);
  }
}
