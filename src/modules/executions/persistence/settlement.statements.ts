import { sqlArray, sqlLiteral } from '../../../platform/database/sql-literal.js';
import type { DomainEvent } from '../../../platform/outbox/domain-event.js';
import { appendEventsSql } from '../../../platform/outbox/unit-of-work.js';
import { FINAL_EXECUTION_STATUSES, FINAL_NODE_STATUSES } from '../domain/execution-status.js';
import { NODE_TRANSITIONS, type NodeMove, type NodeTransition } from '../domain/node-transitions.js';
import type { Settlement, SettlementTransition } from '../domain/settlement.js';
import { LOCKED_EXECUTION_COLUMNS } from './locked-execution.js';
import { executionTransitionRows, nodeMayMove, nodeTransitionRows, statusIn } from './transition-sql.js';

/** How a settlement's node change moves its node. */
export type NodeOutcomeTransition = Extract<NodeTransition, 'succeed' | 'wait' | 'resume'>;

const NODE_OUTCOME_TRANSITIONS: readonly NodeOutcomeTransition[] = ['succeed', 'wait', 'resume'];
const SETTLEMENT_TRANSITIONS: readonly SettlementTransition[] = ['activate', 'park', 'succeed', 'fail'];

// Built once: every group commit on the hot path joins the same rows of the tables.
const NODE_OUTCOME_ROWS = nodeTransitionRows('t', NODE_OUTCOME_TRANSITIONS);
const NODE_ENDED = statusIn('t.to_status', FINAL_NODE_STATUSES);
const SETTLEMENT_ROWS = executionTransitionRows('t', SETTLEMENT_TRANSITIONS);
const EXECUTION_ENDED = statusIn('t.to_status', FINAL_EXECUTION_STATUSES);
const NODE_MAY_SKIP = nodeMayMove('n.status', 'skip');
const NODE_MAY_BE_SCHEDULED = nodeMayMove('n.status', 'schedule');

/** An execution of a tenant. */
export interface ExecutionKey {
  id: string;
  tenantId: string;
}

/** A node's outcome, applied while its execution is locked, if the node can still make its transition. */
export interface NodeChange extends NodeMove<NodeOutcomeTransition> {
  nodeId: string;
  /** Serialised JSON, or null. */
  output: string | null;
  branch: string | null;
  /** Serialised JSON; null keeps the input the node has. */
  input: string | null;
}

/** One execution to settle, with the node change to apply first (none: re-settle it as it is). */
export interface SettlementTarget {
  execution: ExecutionKey;
  change?: NodeChange;
}

/** What one settlement writes when it commits, with its events. */
export interface SettlementWrite {
  executionId: string;
  settlement: Settlement;
  events: readonly DomainEvent<object>[];
  /** Of the job or request the settlement is for (stored with its events). */
  correlationId: string | null;
}

/**
 * The first round trip of a group commit: BEGIN, lock the executions (in id order, so concurrent
 * settlements never deadlock), then changeAndReadStatesSql. Results: BEGIN's, the locked executions, the node states.
 */
export function beginLockAndChangeSql(targets: readonly SettlementTarget[]): string[] {
  return [
    'BEGIN',
    `SELECT ${LOCKED_EXECUTION_COLUMNS}
         FROM executions WHERE id = ANY(${sqlArray(
           targets.map((target) => target.execution.id),
           'uuid',
         )}) ORDER BY id FOR UPDATE`,
    changeAndReadStatesSql(targets),
  ];
}

/**
 * One statement for a whole settle batch, sent after the executions are locked (so it takes its
 * snapshot once every lock is granted): applies each node change whose transition the node can still
 * make (at the job's attempt, when a job made it) and reads every node of every execution as it is
 * after the changes. Rows carry their execution id; `changed` marks the node a change applied to.
 *
 * Node rows are selected by execution (and node) only: the change checks the tenant on the execution
 * row (with `node_executions.tenant_id` in the filter a plan may read the tenant's whole index), and
 * the reads are discarded unless the execution the transaction locked is the tenant's.
 */
export function changeAndReadStatesSql(targets: readonly SettlementTarget[]): string {
  const changes = targets.flatMap(({ execution, change }) => (change ? [{ execution, ...change }] : []));
  const columns = [
    sqlArray(
      changes.map((c) => c.execution.id),
      'uuid',
    ),
    sqlArray(
      changes.map((c) => c.execution.tenantId),
      'uuid',
    ),
    sqlArray(
      changes.map((c) => c.nodeId),
      'text',
    ),
    sqlArray(
      changes.map((c) => c.transition),
      'text',
    ),
    sqlArray(
      changes.map((c) => c.output),
      'jsonb',
    ),
    sqlArray(
      changes.map((c) => c.branch),
      'text',
    ),
    sqlArray(
      changes.map((c) => c.input),
      'jsonb',
    ),
    sqlArray(
      changes.map((c) => c.attempt ?? null),
      'int',
    ),
  ];
  return `WITH change AS (
            SELECT * FROM unnest(${columns.join(', ')}) AS c(execution_id, tenant_id, node_id, transition, output, branch, input, attempt)
          ), changed AS (
            UPDATE node_executions n SET status = t.to_status, output = c.output, branch = c.branch, input = coalesce(c.input, n.input),
                   finished_at = CASE WHEN ${NODE_ENDED} THEN now() END
              FROM change c JOIN ${NODE_OUTCOME_ROWS} ON t.transition = c.transition
             WHERE n.execution_id = c.execution_id AND n.node_id = c.node_id
               AND n.status = t.from_status AND (c.attempt IS NULL OR n.attempts = c.attempt)
               AND EXISTS (SELECT 1 FROM executions e WHERE e.id = c.execution_id AND e.tenant_id = c.tenant_id)
            RETURNING n.execution_id, n.node_id, n.status, n.branch, (extract(epoch FROM (now() - coalesce(n.started_at, now()))) * 1000)::int AS duration_ms
          )
          SELECT n.execution_id AS "executionId", n.node_id AS "nodeId", coalesce(c.status, n.status) AS status,
                 CASE WHEN c.node_id IS NULL THEN n.branch ELSE c.branch END AS branch, n.scheduled, c.node_id IS NOT NULL AS changed, c.duration_ms AS "durationMs"
            FROM node_executions n LEFT JOIN changed c ON c.execution_id = n.execution_id AND c.node_id = n.node_id
           WHERE n.execution_id = ANY(${sqlArray(
             targets.map((target) => target.execution.id),
             'uuid',
           )})`;
}

/**
 * The second round trip of a group commit: the settlements' writes, their events and the COMMIT. One
 * statement per kind of write for the whole batch; a batch settles an execution at most once, so no
 * row is named twice.
 */
export function commitSettlementsSql(writes: readonly SettlementWrite[]): string[] {
  const nodes = (pick: (settlement: Settlement) => readonly string[]) =>
    writes.flatMap(({ executionId, settlement }) => pick(settlement).map((nodeId) => ({ executionId, nodeId })));
  const skipped = nodes((settlement) => settlement.skip);
  const ready = nodes((settlement) => settlement.ready);
  const moved = writes.flatMap(({ executionId, settlement }) =>
    settlement.transition ? [{ executionId, transition: settlement.transition }] : [],
  );
  const events = writes.flatMap(({ events, correlationId }) => events.map((event) => ({ event, correlationId })));

  const statements: string[] = [];
  if (skipped.length > 0) {
    statements.push(`UPDATE node_executions n SET status = ${sqlLiteral(NODE_TRANSITIONS.skip.to)}, finished_at = now() FROM ${nodeKeys(skipped)}
                        WHERE n.execution_id = k.execution_id AND n.node_id = k.node_id AND ${NODE_MAY_SKIP}`);
  }
  if (ready.length > 0) {
    statements.push(`UPDATE node_executions n SET scheduled = true, scheduled_at = now() FROM ${nodeKeys(ready)}
                        WHERE n.execution_id = k.execution_id AND n.node_id = k.node_id AND ${NODE_MAY_BE_SCHEDULED}`);
  }
  if (moved.length > 0) {
    const columns = [
      sqlArray(
        moved.map((m) => m.executionId),
        'uuid',
      ),
      sqlArray(
        moved.map((m) => m.transition),
        'text',
      ),
    ];
    statements.push(`UPDATE executions e SET status = t.to_status, error = NULL, started_at = coalesce(e.started_at, now()),
                              finished_at = CASE WHEN ${EXECUTION_ENDED} THEN now() END
                         FROM unnest(${columns.join(', ')}) AS s(id, transition)
                         JOIN ${SETTLEMENT_ROWS} ON t.transition = s.transition
                        WHERE e.id = s.id AND e.status = t.from_status`);
  }
  if (events.length > 0) statements.push(appendEventsSql(events));
  statements.push('COMMIT');
  return statements;
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
