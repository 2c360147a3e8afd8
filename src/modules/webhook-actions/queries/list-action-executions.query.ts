import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { ActionExecutionPageResponse, ListActionExecutionsQueryDto } from '../dto/webhook-action.dto.js';

export class ListActionExecutionsQuery extends TenantQuery<ActionExecutionPageResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly filter: ListActionExecutionsQueryDto,
  ) {
    super(tenantId, actorId);
  }
}
