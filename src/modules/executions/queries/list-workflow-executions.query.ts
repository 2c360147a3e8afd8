import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { ExecutionStatus } from '../domain/execution-status.js';
import type { ExecutionPageResponse } from '../dto/execution-page.response.js';

export interface ExecutionFilters {
  status?: ExecutionStatus;
  dateFrom?: string;
  dateTo?: string;
  page: number;
  limit: number;
}

export class ListWorkflowExecutionsQuery extends TenantQuery<ExecutionPageResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly workflowId: string,
    readonly filters: ExecutionFilters,
  ) {
    super(tenantId, actorId);
  }
}
