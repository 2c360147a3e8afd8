import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';
import type { WorkflowResponse } from '../dto/workflow.response.js';

/** The current version becomes the one webhooks and triggers start. */
export class PublishWorkflowCommand extends TenantCommand<WorkflowResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly workflowId: string,
  ) {
    super(tenantId, actorId);
  }
}
