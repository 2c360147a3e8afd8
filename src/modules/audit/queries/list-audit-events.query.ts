import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { AuditEventPageResponse } from '../dto/audit-event.response.js';

export class ListAuditEventsQuery extends TenantQuery<AuditEventPageResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly type: string | undefined,
    readonly afterSequence: number,
    readonly limit: number,
  ) {
    super(tenantId, actorId);
  }
}
