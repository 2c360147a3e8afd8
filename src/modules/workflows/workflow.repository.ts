import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TenantScopedRepository } from '../../platform/database/tenant-scoped.repository.js';
import { workflowArchived, workflowNotFound, versionMismatch } from './domain/workflow-errors.js';
import { WorkflowVersionEntity } from './entities/workflow-version.entity.js';
import { WorkflowEntity } from './entities/workflow.entity.js';

/** Workflow rows for one tenant, with the locking and version checks every write needs. */
@Injectable()
export class WorkflowRepository {
  constructor(private readonly dataSource: DataSource) {}

  scoped(manager: EntityManager = this.dataSource.manager): TenantScopedRepository<WorkflowEntity> {
    return new TenantScopedRepository(manager.getRepository(WorkflowEntity));
  }

  versions(manager: EntityManager = this.dataSource.manager): TenantScopedRepository<WorkflowVersionEntity> {
    return new TenantScopedRepository(manager.getRepository(WorkflowVersionEntity));
  }

  /**
   * Loads the workflow FOR UPDATE (concurrent writers queue up here), then checks `expectedVersion`
   * (If-Match) and, unless `allowArchived`, that it is not archived.
   */
  async lockForWrite(
    manager: EntityManager,
    tenantId: string,
    id: string,
    expectedVersion: number | undefined,
    allowArchived = false,
  ): Promise<WorkflowEntity> {
    const workflow = await manager
      .getRepository(WorkflowEntity)
      .createQueryBuilder('workflow')
      .setLock('pessimistic_write')
      .where('workflow.id = :id AND workflow.tenantId = :tenantId', { id, tenantId })
      .getOne();
    if (!workflow) throw workflowNotFound();
    if (expectedVersion !== undefined && expectedVersion !== workflow.version)
      throw versionMismatch(expectedVersion, workflow.version);
    if (!allowArchived && workflow.status === 'archived') throw workflowArchived();
    return workflow;
  }

  /** Appends an immutable snapshot of the workflow's current graph. */
  async snapshot(manager: EntityManager, workflow: WorkflowEntity, actorId: string | null): Promise<void> {
    const snapshot = manager.create(WorkflowVersionEntity, {
      tenantId: workflow.tenantId,
      workflowId: workflow.id,
      version: workflow.version,
      nodes: workflow.nodes,
      edges: workflow.edges,
      createdBy: actorId,
    });
    await manager.save(snapshot);
  }
}
