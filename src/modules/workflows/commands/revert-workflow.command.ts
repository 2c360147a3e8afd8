import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';
import type { WorkflowResponse } from '../dto/workflow.response.js';

/** Creates a new version whose graph equals an old one. */
export class RevertWorkflowCommand extends TenantCommand<WorkflowResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly workflowId: string,
    readonly toVersion: number,
  ) {
    super(tenantId, actorId);
  }
}
