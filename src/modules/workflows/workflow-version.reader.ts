import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUUID } from 'class-validator';
import { MicroBatcher } from '../../platform/batching/micro-batcher.js';
import { LruCache } from '../../platform/caching/lru-cache.js';
import { pgPool } from '../../platform/database/pg-pool.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { workflowArchived, workflowNotFound, workflowVersionNotFound } from './domain/workflow-errors.js';
import { WorkflowGraph } from './domain/workflow-graph.js';
import { WorkflowVersionEntity } from './entities/workflow-version.entity.js';
import { WorkflowEntity } from './entities/workflow.entity.js';

export interface StartableWorkflow {
  workflowId: string;
  version: number;
  graph: WorkflowGraph;
}

type StartableRow = Pick<WorkflowEntity, 'status' | 'version' | 'publishedVersion'>;

const MAX_CACHED_GRAPHS = 5000;

/**
 * What other modules (the engine, ingress) read of workflows. Versions are immutable, so their
 * graphs are cached in memory: running a node costs no workflow query.
 */
@Injectable()
export class WorkflowVersionReader {
  private readonly graphs = new LruCache<string, WorkflowGraph>(MAX_CACHED_GRAPHS);
  /** Executions started at once (a burst of webhooks) resolve their workflows with one query. */
  private readonly startable = new MicroBatcher<{ tenantId: string; workflowId: string }, StartableRow | undefined>(
    (keys) => this.loadStartable(keys),
    {
      maxBatchSize: 200,
      maxInFlight: 4,
      maxPending: 10_000,
    },
  );

  constructor(private readonly dataSource: DataSource) {}

  /** The version a new execution pins: the published one, or (for `execute`) the current draft. */
  async resolveForStart(
    tenantId: string,
    workflowId: string,
    which: 'published' | 'current',
  ): Promise<StartableWorkflow> {
    const workflow = isUUID(workflowId, 'all') ? await this.startable.submit({ tenantId, workflowId }) : undefined;
    if (!workflow) throw workflowNotFound();
    if (workflow.status === 'archived') throw workflowArchived();
    const version = which === 'published' ? workflow.publishedVersion : workflow.version;
    if (version === null)
      throw new DomainError('conflict', 'workflow_not_published', 'The workflow has no published version.');
    return { workflowId, version, graph: await this.graph(tenantId, workflowId, version) };
  }

  private async loadStartable(keys: { tenantId: string; workflowId: string }[]): Promise<(StartableRow | undefined)[]> {
    const { rows } = await pgPool(this.dataSource).query<StartableRow & { id: string; tenantId: string }>({
      text: `SELECT id, tenant_id AS "tenantId", status, version, published_version AS "publishedVersion" FROM workflows WHERE id = ANY($1::uuid[])`,
      values: [[...new Set(keys.map((key) => key.workflowId))]],
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return keys.map(({ tenantId, workflowId }) => {
      const row = byId.get(workflowId);
      return row?.tenantId === tenantId ? row : undefined;
    });
  }

  /** The graph of the workflow's current version (for bindings such as a webhook's trigger node). */
  async currentGraph(tenantId: string, workflowId: string): Promise<WorkflowGraph> {
    const workflow = await this.dataSource
      .getRepository(WorkflowEntity)
      .findOne({ where: { id: workflowId, tenantId }, select: { id: true, version: true } });
    if (!workflow) throw workflowNotFound();
    return this.graph(tenantId, workflowId, workflow.version);
  }

  /** Published workflows whose `trigger.channel` node listens to (channelId, event). */
  async channelTriggers(
    tenantId: string,
    channelId: string,
    event: string,
  ): Promise<{ workflowId: string; nodeId: string }[]> {
    return this.dataSource.query(
      `SELECT w.id AS "workflowId", n->>'id' AS "nodeId"
         FROM workflows w
         JOIN workflow_versions v ON v.workflow_id = w.id AND v.version = w.published_version
         CROSS JOIN LATERAL jsonb_array_elements(v.nodes) n
        WHERE w.tenant_id = $1 AND w.status = 'published' AND n->>'type' = 'trigger.channel'
          AND n->'config'->>'channelId' = $2 AND n->'config'->>'event' = $3`,
      [tenantId, channelId, event],
    );
  }

  /** 404 unless the workflow exists for this tenant (lists under a workflow answer 404, not []). */
  async assertExists(tenantId: string, workflowId: string): Promise<void> {
    if (!(await this.dataSource.getRepository(WorkflowEntity).exists({ where: { id: workflowId, tenantId } })))
      throw workflowNotFound();
  }

  async graph(tenantId: string, workflowId: string, version: number): Promise<WorkflowGraph> {
    const key = `${tenantId}:${workflowId}:${version}`;
    const cached = this.graphs.get(key);
    if (cached) return cached;
    const row = await this.dataSource
      .getRepository(WorkflowVersionEntity)
      .findOne({ where: { tenantId, workflowId, version } });
    if (!row) throw workflowVersionNotFound(version);
    const graph = new WorkflowGraph(row.nodes, row.edges);
    this.graphs.set(key, graph);
    return graph;
  }
}
