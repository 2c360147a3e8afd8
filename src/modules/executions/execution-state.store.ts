import { Injectable } from '@nestjs/common';
import type { PoolClient, QueryResult } from 'pg';
import type { EntityManager } from 'typeorm';
import { toPostgresJson } from '../../platform/database/postgres-text.js';
import { sqlArray } from '../../platform/database/sql-literal.js';
import type { DomainEvent } from '../../platform/outbox/domain-event.js';
import { appendEventsSql } from '../../platform/outbox/unit-of-work.js';
import type { WorkflowGraph } from '../workflows/domain/workflow-graph.js';
import { isSettled, planNext, type NodeState, type Plan } from './domain/execution-planner.js';
import {
  FINAL_EXECUTION_STATUSES,
  type ErrorInfo,
  type ExecutionStatus,
  type NodeStatus,
} from './domain/execution-status.js';
import { retryPolicyOf } from './domain/node-retry-policy.js';
import type { ScheduledNode } from './node-job.scheduler.js';
import { changeAndReadStatesSql } from './settle-statements.js';

export interface LockedExecution {
  id: string;
  tenantId: string;
  workflowId: string;
  workflowVersion: number;
  status: ExecutionStatus;
  retryCount: number;
  startedAt: Date | null;
}

export interface Settlement extends Plan {
  toSchedule: ScheduledNode[];
  /** The execution's new status, when it changes. */
  status?: { value: ExecutionStatus; finished: boolean };
  /** The execution reached a final status in this settlement. */
  finished?: ExecutionStatus;
}

/** A node's new state, applied while the execution is locked. */
export interface NodeChange {
  nodeId: string;
  status: 'succeeded' | 'waiting';
  /** Serialised JSON, or null. */
  output: string | null;
  branch: string | null;
  input: string | null;
  /** Apply only if the node has this status now (of two concurrent resumes exactly one applies)… */
  onlyIf: NodeStatus | null;
  /** …and this attempt number (a stale copy of a re-delivered job applies nothing). */
  onlyAttempt: number | null;
}

/** One execution to settle, with the node change to apply first (none: re-settle as it is). */
export interface SettlementTarget {
  tenantId: string;
  executionId: string;
  change?: NodeChange;
}

/** What one settlement writes when it commits. */
export interface SettlementWrite {
  executionId: string;
  settlement: Settlement;
  events: readonly DomainEvent<object>[];
  /** Of the job or request the settlement is for (stored with its events). */
  correlationId: string | null;
}

export interface LockedStates {
  /** Undefined: no such execution (of this tenant). */
  locked?: LockedExecution;
  states: Map<string, NodeState>;
  /** Set when the change applied. */
  changed?: { durationMs: number };
}

interface StateRow {
  nodeId: string;
  status: NodeState['status'];
  branch: string | null;
  scheduled: boolean;
  changed: boolean;
  durationMs: number | null;
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
    const rows: { nodeId: string; status: NodeState['status']; branch: string | null; scheduled: boolean }[] =
      await manager.query(
        `SELECT node_id AS "nodeId", status, branch, scheduled FROM node_executions WHERE execution_id = $1`,
        [executionId],
      );
    return new Map(
      rows.map((row) => [row.nodeId, { status: row.status, branch: row.branch, scheduled: row.scheduled }]),
    );
  }

  /**
   * After node states changed (pure): skip what can no longer run, schedule what is ready (once), and
   * move the execution to running, waiting or succeeded. `states` is updated with the decisions.
   */
  decide(execution: LockedExecution, graph: WorkflowGraph, states: Map<string, NodeState>): Settlement {
    if (FINAL_EXECUTION_STATUSES.includes(execution.status)) return { skip: [], ready: [], toSchedule: [] };
    const plan = planNext(graph, states);
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
      return { ...plan, toSchedule, status: { value: status, finished: true }, finished: status };
    }
    const active = [...states.values()].some(
      (state) => state.status === 'running' || (state.status === 'pending' && state.scheduled),
    );
    const next: ExecutionStatus = active ? 'running' : 'waiting';
    return { ...plan, toSchedule, status: next === execution.status ? undefined : { value: next, finished: false } };
  }

  /**
   * Opens the settling transaction, locks the executions (in id order, so concurrent settlements
   * never deadlock), applies each node change (when its guard holds) and reads every node's state of
   * each execution as it is after the change: one round trip (see changeAndReadStatesSql). The
   * statement after the locks takes a fresh snapshot, so the states read include every change
   * committed before the locks were granted: parallel branches finishing at once are serialised and
   * each sees the others. At most one settlement per execution.
   */
  async beginLockAndChange(client: PoolClient, settlements: readonly SettlementTarget[]): Promise<LockedStates[]> {
    const [, locked, read] = (await client.query(
      `BEGIN;
       SELECT id, tenant_id AS "tenantId", workflow_id AS "workflowId", workflow_version AS "workflowVersion",
              status, retry_count AS "retryCount", started_at AS "startedAt"
         FROM executions WHERE id = ANY(${sqlArray(
           settlements.map((target) => target.executionId),
           'uuid',
         )}) ORDER BY id FOR UPDATE;
       ${changeAndReadStatesSql(settlements)}`,
    )) as unknown as [QueryResult, QueryResult<LockedExecution>, QueryResult<StateRow & { executionId: string }>];
    const lockedById = new Map(locked.rows.map((row) => [row.id, row]));
    const rowsById = new Map<string, StateRow[]>();
    for (const row of read.rows) {
      const rows = rowsById.get(row.executionId);
      if (rows) rows.push(row);
      else rowsById.set(row.executionId, [row]);
    }
    return settlements.map((target) => {
      const execution = lockedById.get(target.executionId);
      const rows = rowsById.get(target.executionId) ?? [];
      const changedRow = rows.find((row) => row.changed);
      return {
        locked: execution?.tenantId === target.tenantId ? execution : undefined,
        states: new Map(
          rows.map((row) => [row.nodeId, { status: row.status, branch: row.branch, scheduled: row.scheduled }]),
        ),
        changed: changedRow ? { durationMs: changedRow.durationMs ?? 0 } : undefined,
      };
    });
  }

  /**
   * The settlements' writes, their events and the COMMIT, in one round trip: one statement per kind of
   * write for the whole batch (literals: see sqlLiteral). A batch settles an execution at most once,
   * so no row is named twice.
   */
  async commitSettlements(client: PoolClient, settlements: readonly SettlementWrite[]): Promise<void> {
    const nodes = (pick: (settlement: Settlement) => readonly string[]) =>
      settlements.flatMap(({ executionId, settlement }) => pick(settlement).map((nodeId) => ({ executionId, nodeId })));
    const skipped = nodes((settlement) => settlement.skip);
    const ready = nodes((settlement) => settlement.ready);
    const moved = settlements.flatMap(({ executionId, settlement }) =>
      settlement.status ? [{ executionId, ...settlement.status }] : [],
    );
    const events = settlements.flatMap(({ events, correlationId }) =>
      events.map((event) => ({ event, correlationId })),
    );

    const statements: string[] = [];
    if (skipped.length > 0) {
      statements.push(`UPDATE node_executions n SET status = 'skipped', finished_at = now() FROM ${nodeKeys(skipped)}
                        WHERE n.execution_id = k.execution_id AND n.node_id = k.node_id AND n.status = 'pending'`);
    }
    if (ready.length > 0) {
      statements.push(`UPDATE node_executions n SET scheduled = true, scheduled_at = now() FROM ${nodeKeys(ready)}
                        WHERE n.execution_id = k.execution_id AND n.node_id = k.node_id`);
    }
    if (moved.length > 0) {
      const columns = [
        sqlArray(
          moved.map((m) => m.executionId),
          'uuid',
        ),
        sqlArray(
          moved.map((m) => m.value),
          'text',
        ),
        sqlArray(
          moved.map((m) => m.finished),
          'boolean',
        ),
      ];
      statements.push(`UPDATE executions e SET status = s.status, error = NULL, started_at = coalesce(e.started_at, now()),
                              finished_at = CASE WHEN s.finished THEN now() END
                         FROM unnest(${columns.join(', ')}) AS s(id, status, finished) WHERE e.id = s.id`);
    }
    if (events.length > 0) statements.push(appendEventsSql(events));
    statements.push('COMMIT');
    await client.query(statements.join(';\n'));
  }

  async setStatus(
    manager: EntityManager,
    executionId: string,
    status: ExecutionStatus,
    finished: boolean,
    error: ErrorInfo | null = null,
  ): Promise<void> {
    await manager.query(
      `UPDATE executions SET status = $2, error = $3, started_at = coalesce(started_at, now()),
              finished_at = CASE WHEN $4 THEN now() ELSE NULL END
        WHERE id = $1`,
      [executionId, status, error === null ? null : toPostgresJson(error), finished],
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

/** `unnest(...) AS k(execution_id, node_id)` of node keys, to join node rows with. */
function nodeKeys(keys: readonly { executionId: string; nodeId: string }[]): string {
  return `unnest(${sqlArray(
    keys.map((key) => key.executionId),
    'uuid',
  )}, ${sqlArray(
    keys.map((key) => key.nodeId),
    'text',
  )}) AS k(execution_id, node_id)`;
}
