import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MicroBatcher } from '../../platform/batching/micro-batcher.js';
import { pgPool } from '../../platform/database/pg-pool.js';
import { unnestColumns } from '../../platform/database/unnest-columns.js';
import { EVENT_STORE_INSERT } from '../../platform/outbox/unit-of-work.js';
import { NODE_TRIGGERED } from './events/node-triggered.event.js';

export interface NodeRunRequest {
  tenantId: string;
  executionId: string;
  nodeId: string;
  /** The execution run the job belongs to (its retry count when queued). */
  run: number;
  /** 1-based attempt of the job. */
  attempt: number;
  correlationId: string | null;
}

/** The execution and node as the run found them. */
export interface StartedNodeRun {
  id: string;
  tenantId: string;
  workflowId: string;
  workflowVersion: number;
  status: string;
  retryCount: number;
  triggerInput: unknown;
  contactId: string | null;
  startedAt: Date | null;
  nodeStatus: string;
  nodeType: string;
  /** Outputs of the execution's succeeded nodes, by node id. */
  outputs: Record<string, unknown>;
  /** The attempt number this run marked (null: the node was not pending or running in a live execution of this run). */
  fence: number | null;
}

/**
 * Marks nodes running as their jobs start. One statement (atomic) per batch of jobs started at once
 * (MicroBatcher): loads each execution, its node and the outputs it may use, and — where the node is
 * pending or running in a live execution of the job's run — marks the node running (its new attempt
 * number is the job's fence), a queued execution too, and stores `workflow.node.triggered`. No
 * in-process handler listens to that event, so it is not published on the EventBus.
 */
@Injectable()
export class NodeRunStarter {
  private readonly batches = new MicroBatcher<NodeRunRequest, StartedNodeRun | undefined>(
    (requests) => this.startBatch(requests),
    {
      maxBatchSize: 200,
      // One statement in flight: jobs starting meanwhile make the next one larger (measured faster than 4).
      maxInFlight: 1,
      maxPending: 10_000,
    },
  );

  constructor(private readonly dataSource: DataSource) {}

  /** Undefined: no such execution or node (or a copy of the same job is starting in the same batch). */
  start(request: NodeRunRequest): Promise<StartedNodeRun | undefined> {
    return this.batches.submit(request);
  }

  private async startBatch(requests: NodeRunRequest[]): Promise<(StartedNodeRun | undefined)[]> {
    // Two copies of one job (a lock lost) in one batch: the first starts, the second finds nothing to do.
    const firsts = new Map<string, NodeRunRequest>();
    for (const request of requests) if (!firsts.has(runKey(request))) firsts.set(runKey(request), request);
    const sent = [...firsts.values()];
    const { rows } = await pgPool(this.dataSource).query<StartedNodeRun & { nodeId: string; run: number }>({
      text: `WITH request AS (
               SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::int[], $6::text[]) AS r(execution_id, tenant_id, node_id, run, attempt, correlation_id)
             ), target AS (
               SELECT r.execution_id, r.node_id, r.run, r.attempt, r.correlation_id,
                      e.tenant_id, e.workflow_id, e.workflow_version, e.status, e.retry_count, e.trigger_input, e.contact_id, e.started_at,
                      n.status AS node_status, n.type AS node_type
                 FROM request r
                 JOIN executions e ON e.id = r.execution_id AND e.tenant_id = r.tenant_id
                 JOIN node_executions n ON n.execution_id = r.execution_id AND n.node_id = r.node_id
             ), node AS (
               UPDATE node_executions n SET status = 'running', attempts = n.attempts + 1, started_at = coalesce(n.started_at, now()), error = NULL
                 FROM target t
                WHERE n.execution_id = t.execution_id AND n.node_id = t.node_id AND n.status IN ('pending', 'running')
                  AND t.retry_count = t.run AND t.status NOT IN ('succeeded', 'failed', 'cancelled')
                RETURNING n.execution_id, n.node_id, n.attempts
             ), execution AS (
               UPDATE executions SET status = 'running', started_at = coalesce(started_at, now())
                WHERE id IN (SELECT execution_id FROM node) AND status = 'queued'
             ), event AS (
               ${EVENT_STORE_INSERT}
               SELECT t.tenant_id, $7, 'execution', t.execution_id, NULL, t.correlation_id, jsonb_build_object('nodeId', t.node_id, 'type', t.node_type, 'attempt', t.attempt), now()
                 FROM node JOIN target t ON t.execution_id = node.execution_id AND t.node_id = node.node_id AND t.retry_count = t.run
             )
             SELECT t.execution_id AS id, t.node_id AS "nodeId", t.run, t.tenant_id AS "tenantId", t.workflow_id AS "workflowId", t.workflow_version AS "workflowVersion",
                    t.status, t.retry_count AS "retryCount", t.trigger_input AS "triggerInput", t.contact_id AS "contactId", t.started_at AS "startedAt",
                    t.node_status AS "nodeStatus", t.node_type AS "nodeType",
                    CASE WHEN t.retry_count = t.run THEN node.attempts END AS fence,
                    (SELECT coalesce(jsonb_object_agg(done.node_id, done.output), '{}'::jsonb) FROM node_executions done
                      WHERE done.execution_id = t.execution_id AND done.status = 'succeeded') AS outputs
               FROM target t LEFT JOIN node ON node.execution_id = t.execution_id AND node.node_id = t.node_id`,
      values: [
        ...unnestColumns(
          sent,
          (r) => r.executionId,
          (r) => r.tenantId,
          (r) => r.nodeId,
          (r) => r.run,
          (r) => r.attempt,
          (r) => r.correlationId,
        ),
        NODE_TRIGGERED,
      ],
    });
    const started = new Map(rows.map(({ nodeId, run, ...row }) => [runKey({ executionId: row.id, nodeId, run }), row]));
    return requests.map((request) =>
      firsts.get(runKey(request)) === request ? started.get(runKey(request)) : undefined,
    );
  }
}

function runKey({ executionId, nodeId, run }: Pick<NodeRunRequest, 'executionId' | 'nodeId' | 'run'>): string {
  return `${executionId}\u0000${nodeId}\u0000${run}`;
}
