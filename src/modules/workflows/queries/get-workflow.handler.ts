import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { workflowNotFound } from '../domain/workflow-errors.js';
import { WorkflowResponse } from '../dto/workflow.response.js';
import { WorkflowRepository } from '../workflow.repository.js';
import { GetWorkflowQuery } from './get-workflow.query.js';

@QueryHandler(GetWorkflowQuery)
export class GetWorkflowHandler implements IQueryHandler<GetWorkflowQuery> {
  constructor(private readonly workflows: WorkflowRepository) {}

  async execute(query: GetWorkflowQuery): Promise<WorkflowResponse> {
    const workflow = await this.workflows.scoped().findById(query.tenantId, query.workflowId);
    if (!workflow) throw workflowNotFound();
    return WorkflowResponse.from(workflow);
  }
}
