import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { workflowNotFound, workflowVersionNotFound } from '../domain/workflow-errors.js';
import { WorkflowVersionResponse } from '../dto/workflow-version.response.js';
import { WorkflowRepository } from '../workflow.repository.js';
import { GetWorkflowVersionQuery } from './get-workflow-version.query.js';

@QueryHandler(GetWorkflowVersionQuery)
export class GetWorkflowVersionHandler implements IQueryHandler<GetWorkflowVersionQuery> {
  constructor(private readonly workflows: WorkflowRepository) {}

  async execute(query: GetWorkflowVersionQuery): Promise<WorkflowVersionResponse> {
    if (!(await this.workflows.scoped().findById(query.tenantId, query.workflowId))) throw workflowNotFound();
    const version = await this.workflows
      .versions()
      .findOne(query.tenantId, { workflowId: query.workflowId, version: query.version });
    if (!version) throw workflowVersionNotFound(query.version);
    return WorkflowVersionResponse.from(version);
  }
}
