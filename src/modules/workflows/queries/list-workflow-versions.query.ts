import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { WorkflowVersionPageResponse } from '../dto/workflow-version-page.response.js';

export class ListWorkflowVersionsQuery extends TenantQuery<WorkflowVersionPageResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly workflowId: string,
    readonly page: number,
    readonly limit: number,
  ) {
    super(tenantId, actorId);
  }
}
