import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkflowGraph } from '../workflows/domain/workflow-graph.js';
import { isSettled, planNext, type NodeState } from './domain/execution-planner.js';
import { FINAL_EXECUTION_STATUSES, type ErrorInfo, type ExecutionStatus } from './domain/execution-status.js';
import { retryPolicyOf } from './domain/node-retry-policy.js';
import type { ScheduledNode } from './node-job.scheduler.js';

export interface LockedExecution {
  id: string;
  tenantId: string;
  workflowId: string;
  workflowVersion: number;
  status: ExecutionStatus;
  retryCount: number;
  startedAt: Date | null;
}

export interface Settlement {
  toSchedule: ScheduledNode[];
  /** The execution reached a final status in this transaction. */
  finished?: ExecutionStatus;
}

/**
 * SQL for execution state transitions. Every transition runs inside a transaction that first locks
 * the execution row, so parallel branches finishing at once are serialised and each sees the
 * others' committed node states.
 */
@Injectable()
export class ExecutionStateStore {
  async lock(manager: EntityManager, tenantId: string, executionId: string): Promise<LockedExecution | undefined> {
    const rows: LockedExecution[] = await manager.query(
      `SELECT id, tenant_id AS "tenantId", workflow_id AS "workflowId", workflow_version AS "workflowVersion",
              status, retry_count AS "retryCount", started_at AS "startedAt"
         FROM executions WHERE id = $1 AND tenant_id = $2 FOR UPDATE`,
      [executionId, tenantId],
    );
    return rows[0];
  }

  async nodeStates(manager: EntityManager, executionId: string): Promise<Map<string, NodeState>> {
    const rows: { nodeId: string; status: NodeState['status']; branch: string | null; scheduled: boolean }[] = await manager.query(
      `SELECT node_id AS "nodeId", status, branch, scheduled FROM node_executions WHERE execution_id = $1`,
      [executionId],
    );
    return new Map(rows.map((row) => [row.nodeId, { status: row.status, branch: row.branch, scheduled: row.scheduled }]));
  }

  /**
   * After node states changed: skip what can no longer run, mark what is ready as scheduled (once),
   * and move the execution to running, waiting or succeeded. Returns the jobs to queue after commit.
   */
  async settle(manager: EntityManager, execution: LockedExecution, graph: WorkflowGraph): Promise<Settlement> {
    if (FINAL_EXECUTION_STATUSES.includes(execution.status)) return { toSchedule: [] };
    const states = await this.nodeStates(manager, execution.id);
    const plan = planNext(graph, states);
    if (plan.skip.length > 0) {
      await manager.query(
        `UPDATE node_executions SET status = 'skipped', finished_at = now() WHERE execution_id = $1 AND node_id = ANY($2) AND status = 'pending'`,
        [execution.id, plan.skip],
      );
    }
    if (plan.ready.length > 0) {
      await manager.query(`UPDATE node_executions SET scheduled = true, scheduled_at = now() WHERE execution_id = $1 AND node_id = ANY($2)`, [execution.id, plan.ready]);
    }
    const toSchedule = plan.ready.map((nodeId) => ({
      tenantId: execution.tenantId,
      executionId: execution.id,
      nodeId,
      run: execution.retryCount,
      retry: retryPolicyOf(graph.node(nodeId)!),
    }));

    if (isSettled(states)) {
      const failed = [...states.values()].some((state) => state.status === 'failed');
      const status: ExecutionStatus = failed ? 'failed' : 'succeeded';
      await this.setStatus(manager, execution.id, status, true);
      return { toSchedule, finished: status };
    }
    const active = [...states.values()].some((state) => state.status === 'running' || (state.status === 'pending' && state.scheduled));
    const next: ExecutionStatus = active ? 'running' : 'waiting';
    if (next !== execution.status) await this.setStatus(manager, execution.id, next, false);
    return { toSchedule };
  }

  async setStatus(manager: EntityManager, executionId: string, status: ExecutionStatus, finished: boolean, error: ErrorInfo | null = null): Promise<void> {
    await manager.query(
      `UPDATE executions SET status = $2, error = $3, started_at = coalesce(started_at, now()),
              finished_at = CASE WHEN $4 THEN now() ELSE NULL END
        WHERE id = $1`,
      [executionId, status, error === null ? null : JSON.stringify(error), finished],
    );
  }

  /** Nodes that had not run stop for good (failure or cancellation of the execution). */
  async cancelOpenNodes(manager: EntityManager, executionId: string): Promise<void> {
    await manager.query(
      `UPDATE node_executions SET status = 'cancelled', finished_at = now()
        WHERE execution_id = $1 AND status IN ('pending', 'waiting')`,
      [executionId],
    );
  }
}
