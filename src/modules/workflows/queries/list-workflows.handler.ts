import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { WorkflowPageResponse } from '../dto/workflow-page.response.js';
import { WorkflowResponse } from '../dto/workflow.response.js';
import { WorkflowRepository } from '../workflow.repository.js';
import { ListWorkflowsQuery } from './list-workflows.query.js';

@QueryHandler(ListWorkflowsQuery)
export class ListWorkflowsHandler implements IQueryHandler<ListWorkflowsQuery> {
  constructor(private readonly workflows: WorkflowRepository) {}

  async execute(query: ListWorkflowsQuery): Promise<WorkflowPageResponse> {
    const { status, tag, search, page, limit } = query.filters;
    const builder = this.workflows.scoped().queryBuilder(query.tenantId, 'workflow');
    if (status) builder.andWhere('workflow.status = :status', { status });
    if (tag) builder.andWhere(':tag = ANY(workflow.tags)', { tag });
    if (search)
      builder.andWhere('lower(workflow.name) LIKE :search', { search: `%${escapeLike(search.toLowerCase())}%` });
    const [items, total] = await builder
      .orderBy('workflow.updatedAt', 'DESC')
      .addOrderBy('workflow.id', 'ASC')
      .skip((page - 1) * limit)
      .take(limit)
      .getManyAndCount();
    return { items: items.map((workflow) => WorkflowResponse.from(workflow)), page, limit, total };
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
