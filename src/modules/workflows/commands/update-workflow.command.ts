import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';
import type { WorkflowResponse } from '../dto/workflow.response.js';
import type { WorkflowDefinition } from './create-workflow.command.js';

export class UpdateWorkflowCommand extends TenantCommand<WorkflowResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly workflowId: string,
    readonly changes: Partial<WorkflowDefinition>,
    /** From If-Match or the body's `version`: the write applies only if this is still current. */
    readonly expectedVersion: number | undefined,
  ) {
    super(tenantId, actorId);
  }
}
