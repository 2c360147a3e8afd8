import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { WorkflowVersionReader } from '../../workflows/index.js';
import { TenantScopedRepository } from '../../../platform/database/tenant-scoped.repository.js';
import type { NodeExecutionPageResponse } from '../dto/node-execution-page.response.js';
import { NodeExecutionResponse } from '../dto/node-execution.response.js';
import { NodeExecutionEntity } from '../entities/node-execution.entity.js';
import { ListNodeExecutionsQuery } from './list-node-executions.query.js';

/** One node's history across executions, newest first (index: tenant, workflow, node, started_at). */
@QueryHandler(ListNodeExecutionsQuery)
export class ListNodeExecutionsHandler implements IQueryHandler<ListNodeExecutionsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: WorkflowVersionReader,
  ) {}

  async execute(query: ListNodeExecutionsQuery): Promise<NodeExecutionPageResponse> {
    await this.workflows.assertExists(query.tenantId, query.workflowId);
    const [items, total] = await new TenantScopedRepository(this.dataSource.getRepository(NodeExecutionEntity))
      .queryBuilder(query.tenantId, 'node')
      .andWhere('node.workflowId = :workflowId AND node.nodeId = :nodeId', {
        workflowId: query.workflowId,
        nodeId: query.nodeId,
      })
      .andWhere("node.status NOT IN ('pending', 'skipped')")
      .orderBy('node.startedAt', 'DESC', 'NULLS LAST')
      .addOrderBy('node.id', 'ASC')
      .skip((query.page - 1) * query.limit)
      .take(query.limit)
      .getManyAndCount();
    return { items: items.map((row) => NodeExecutionResponse.from(row)), page: query.page, limit: query.limit, total };
  }
}
