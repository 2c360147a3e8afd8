import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MicroBatcher } from '../../../platform/batching/micro-batcher.js';
import { pgPool } from '../../../platform/database/pg-pool.js';
import { toPostgresJson } from '../../../platform/database/postgres-text.js';
import type { ErrorInfo } from '../domain/execution-status.js';
import {
  deferAttemptSql,
  retryAttemptSql,
  startNodeRunsSql,
  type NodeAttempt,
  type NodeRunRequest,
} from './node-run.statements.js';

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
 * Node attempts as jobs run them. Starting is batched: one statement (atomic) per batch of jobs started
 * at once (MicroBatcher; see startNodeRunsSql). `workflow.node.triggered`, stored by that statement, has
 * no in-process listener, so it is not published on the EventBus. An attempt that ends without an
 * outcome (deferred, or failed and retried) is fenced by its attempt number instead of a lock: a stale
 * copy of a re-delivered job changes nothing.
 */
@Injectable()
export class NodeRunStore {
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

  /** The node asked to run later: it is pending again, its attempt given back. */
  async defer(attempt: NodeAttempt): Promise<void> {
    const { text, values } = deferAttemptSql(attempt);
    await this.dataSource.query(text, values);
  }

  /** The attempt failed and the queue retries it: the node is pending again, with the attempt's error. */
  async retryLater(attempt: NodeAttempt, error: ErrorInfo): Promise<void> {
    const { text, values } = retryAttemptSql(attempt, toPostgresJson(error));
    await this.dataSource.query(text, values);
  }

  private async startBatch(requests: NodeRunRequest[]): Promise<(StartedNodeRun | undefined)[]> {
    // Two copies of one job (a lock lost) in one batch: the first starts, the second finds nothing to do.
    const firsts = new Map<string, NodeRunRequest>();
    for (const request of requests) if (!firsts.has(runKey(request))) firsts.set(runKey(request), request);
    const { rows } = await pgPool(this.dataSource).query<StartedNodeRun & { nodeId: string; run: number }>(
      startNodeRunsSql([...firsts.values()]),
    );
    const started = new Map(rows.map(({ nodeId, run, ...row }) => [runKey({ executionId: row.id, nodeId, run }), row]));
    return requests.map((request) =>
      firsts.get(runKey(request)) === request ? started.get(runKey(request)) : undefined,
    );
  }
}

function runKey({ executionId, nodeId, run }: Pick<NodeRunRequest, 'executionId' | 'nodeId' | 'run'>): string {
  return `${executionId}\u0000${nodeId}\u0000${run}`;
}
