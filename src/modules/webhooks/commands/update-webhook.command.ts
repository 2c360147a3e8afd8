import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';
import type { UpdateWebhookDto } from '../dto/update-webhook.dto.js';
import type { WebhookResponse } from '../dto/webhook.response.js';

export type WebhookChange = { kind: 'update'; input: UpdateWebhookDto } | { kind: 'deactivate' } | { kind: 'activate' };

/** Edits, deactivates (DELETE; ingress then answers 410) or re-activates a webhook. */
export class UpdateWebhookCommand extends TenantCommand<WebhookResponse> {
  constructor(
    tenantId: string,
    actorId: string | null,
    readonly webhookId: string,
    readonly change: WebhookChange,
  ) {
    super(tenantId, actorId);
  }
}
