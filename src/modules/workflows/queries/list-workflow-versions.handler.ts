import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { workflowNotFound } from '../domain/workflow-errors.js';
import type { WorkflowVersionPageResponse } from '../dto/workflow-version-page.response.js';
import { WorkflowVersionResponse } from '../dto/workflow-version.response.js';
import { WorkflowRepository } from '../workflow.repository.js';
import { ListWorkflowVersionsQuery } from './list-workflow-versions.query.js';

@QueryHandler(ListWorkflowVersionsQuery)
export class ListWorkflowVersionsHandler implements IQueryHandler<ListWorkflowVersionsQuery> {
  constructor(private readonly workflows: WorkflowRepository) {}

  async execute(query: ListWorkflowVersionsQuery): Promise<WorkflowVersionPageResponse> {
    if (!(await this.workflows.scoped().findById(query.tenantId, query.workflowId))) throw workflowNotFound();
    const { items, total } = await this.workflows
      .versions()
      .findPage(query.tenantId, { workflowId: query.workflowId }, query.page, query.limit, { version: 'ASC' });
    return {
      items: items.map((version) => WorkflowVersionResponse.from(version)),
      page: query.page,
      limit: query.limit,
      total,
    };
  }
}
