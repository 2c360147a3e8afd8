import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { WorkflowVersionResponse } from '../dto/workflow-version.response.js';

export class GetWorkflowVersionQuery extends TenantQuery<WorkflowVersionResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly workflowId: string,
    readonly version: number,
  ) {
    super(tenantId, actorId);
  }
}
