import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';
import type { WorkflowEdge, WorkflowNode } from '../domain/workflow-graph.js';
import type { WorkflowResponse } from '../dto/workflow.response.js';

export interface WorkflowDefinition {
  name: string;
  description?: string;
  tags?: string[];
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
}

export class CreateWorkflowCommand extends TenantCommand<WorkflowResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly definition: WorkflowDefinition,
  ) {
    super(tenantId, actorId);
  }
}
