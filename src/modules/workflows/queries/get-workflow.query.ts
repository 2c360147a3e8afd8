import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { WorkflowResponse } from '../dto/workflow.response.js';

export class GetWorkflowQuery extends TenantQuery<WorkflowResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly workflowId: string,
  ) {
    super(tenantId, actorId);
  }
}
