import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { WorkflowPageResponse } from '../dto/workflow-page.response.js';
import type { WorkflowStatus } from '../domain/workflow-status.js';

export interface WorkflowFilters {
  status?: WorkflowStatus;
  tag?: string;
  search?: string;
  page: number;
  limit: number;
}

export class ListWorkflowsQuery extends TenantQuery<WorkflowPageResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly filters: WorkflowFilters,
  ) {
    super(tenantId, actorId);
  }
}
