import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { ActionExecutionResponse } from '../dto/webhook-action.dto.js';

export class GetActionExecutionQuery extends TenantQuery<ActionExecutionResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly actionExecutionId: string,
  ) {
    super(tenantId, actorId);
  }
}
