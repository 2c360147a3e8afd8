import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { WorkflowAnalyticsResponse } from '../dto/workflow-analytics.response.js';
import type { DateRange } from './date-range.js';

export class GetWorkflowAnalyticsQuery extends TenantQuery<WorkflowAnalyticsResponse> {
  constructor(
    tenantId: string,
    actorId: string | null,
    readonly range: DateRange,
  ) {
    super(tenantId, actorId);
  }
}
