import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { TriggerTokenResponse } from '../dto/trigger-token.response.js';

export class GetTriggerTokenQuery extends TenantQuery<TriggerTokenResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly workflowId: string,
  ) {
    super(tenantId, actorId);
  }
}
