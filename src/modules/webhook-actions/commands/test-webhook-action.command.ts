import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';
import type { TestWebhookActionResponse } from '../dto/webhook-action.dto.js';

/** Tries an `action.http` config once, now: the answer describes the call, success or not. */
export class TestWebhookActionCommand extends TenantCommand<TestWebhookActionResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly config: Record<string, unknown>,
    readonly context: Record<string, unknown> | undefined,
  ) {
    super(tenantId, actorId);
  }
}
