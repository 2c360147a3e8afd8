import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { NodeAnalyticsResponse } from '../dto/node-analytics.response.js';
import type { DateRange } from './date-range.js';

export class GetNodeAnalyticsQuery extends TenantQuery<NodeAnalyticsResponse> {
  constructor(
    tenantId: string,
    actorId: string | null,
    readonly workflowId: string,
    readonly range: DateRange,
  ) {
    super(tenantId, actorId);
  }
}
