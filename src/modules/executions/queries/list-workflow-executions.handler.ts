import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { WorkflowVersionReader } from '../../workflows/index.js';
import { newestFirstPage } from '../../../platform/database/newest-first-page.js';
import { TenantScopedRepository } from '../../../platform/database/tenant-scoped.repository.js';
import type { ExecutionPageResponse } from '../dto/execution-page.response.js';
import { ExecutionSummaryResponse } from '../dto/execution-summary.response.js';
import { ExecutionEntity } from '../entities/execution.entity.js';
import { ListWorkflowExecutionsQuery } from './list-workflow-executions.query.js';

@QueryHandler(ListWorkflowExecutionsQuery)
export class ListWorkflowExecutionsHandler implements IQueryHandler<ListWorkflowExecutionsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: WorkflowVersionReader,
  ) {}

  async execute(query: ListWorkflowExecutionsQuery): Promise<ExecutionPageResponse> {
    await this.workflows.assertExists(query.tenantId, query.workflowId);
    const { status, page, limit } = query.filters;
    const builder = new TenantScopedRepository(this.dataSource.getRepository(ExecutionEntity))
      .queryBuilder(query.tenantId, 'execution')
      .andWhere('execution.workflowId = :workflowId', { workflowId: query.workflowId });
    if (status) builder.andWhere('execution.status = :status', { status });
    const { items, total } = await newestFirstPage(builder, 'execution', 'createdAt', query.filters);
    return { items: items.map((row) => ExecutionSummaryResponse.from(row)), page, limit, total };
  }
}
