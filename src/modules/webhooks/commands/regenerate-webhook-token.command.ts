import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';
import type { WebhookTokenResponse } from '../dto/webhook.response.js';

/** A new ingress token; the old one stops working at once. */
export class RegenerateWebhookTokenCommand extends TenantCommand<WebhookTokenResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly webhookId: string,
  ) {
    super(tenantId, actorId);
  }
}
