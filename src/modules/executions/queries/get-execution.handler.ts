import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { TenantScopedRepository } from '../../../platform/database/tenant-scoped.repository.js';
import { executionNotFound } from '../domain/execution-errors.js';
import { ExecutionSummaryResponse } from '../dto/execution-summary.response.js';
import type { ExecutionResponse } from '../dto/execution.response.js';
import { NodeExecutionResponse } from '../dto/node-execution.response.js';
import { ExecutionEntity } from '../entities/execution.entity.js';
import { NodeExecutionEntity } from '../entities/node-execution.entity.js';
import { GetExecutionQuery } from './get-execution.query.js';

@QueryHandler(GetExecutionQuery)
export class GetExecutionHandler implements IQueryHandler<GetExecutionQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: GetExecutionQuery): Promise<ExecutionResponse> {
    const execution = await new TenantScopedRepository(this.dataSource.getRepository(ExecutionEntity)).findById(
      query.tenantId,
      query.executionId,
    );
    if (!execution) throw executionNotFound();
    const nodes = await new TenantScopedRepository(this.dataSource.getRepository(NodeExecutionEntity))
      .queryBuilder(query.tenantId, 'node')
      .andWhere('node.executionId = :executionId', { executionId: execution.id })
      .orderBy('node.startedAt', 'ASC', 'NULLS LAST')
      .addOrderBy('node.nodeId', 'ASC')
      .getMany();
    return {
      ...ExecutionSummaryResponse.from(execution),
      nodeExecutions: nodes.map((node) => NodeExecutionResponse.from(node)),
    };
  }
}
