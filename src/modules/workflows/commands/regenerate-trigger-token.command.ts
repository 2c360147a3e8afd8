import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';
import type { TriggerTokenResponse } from '../dto/trigger-token.response.js';

/** Replaces the trigger token; the old one stops working at once. */
export class RegenerateTriggerTokenCommand extends TenantCommand<TriggerTokenResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly workflowId: string,
  ) {
    super(tenantId, actorId);
  }
}
