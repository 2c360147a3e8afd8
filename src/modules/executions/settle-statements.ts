import { sqlArray } from '../../platform/database/sql-literal.js';
import type { SettlementTarget } from './execution-state.store.js';

/**
 * One statement for a whole settle batch, sent in a simple-protocol batch after the executions are
 * locked (so it takes its snapshot once every lock is granted): applies each node change whose guard
 * holds and reads every node of every execution as it is after the changes. Rows carry their
 * execution id; `changed` marks the node a change applied to. Literal SQL (see sqlLiteral), planned
 * for the batch it carries.
 *
 * Node rows are selected by execution (and node) only: the change checks the tenant on the execution
 * row (with `node_executions.tenant_id` in the filter a plan may read the tenant's whole index), and
 * the reads are discarded unless the execution the transaction locked is the tenant's.
 */
export function changeAndReadStatesSql(targets: readonly SettlementTarget[]): string {
  const changes = targets.flatMap(({ executionId, tenantId, change }) =>
    change ? [{ executionId, tenantId, ...change }] : [],
  );
  const columns = [
    sqlArray(
      changes.map((c) => c.executionId),
      'uuid',
    ),
    sqlArray(
      changes.map((c) => c.tenantId),
      'uuid',
    ),
    sqlArray(
      changes.map((c) => c.nodeId),
      'text',
    ),
    sqlArray(
      changes.map((c) => c.status),
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
      changes.map((c) => c.onlyIf),
      'text',
    ),
    sqlArray(
      changes.map((c) => c.onlyAttempt),
      'int',
    ),
  ];
  return `WITH change AS (
            SELECT * FROM unnest(${columns.join(', ')}) AS c(execution_id, tenant_id, node_id, status, output, branch, input, only_if, only_attempt)
          ), changed AS (
            UPDATE node_executions n SET status = c.status, output = c.output, branch = c.branch, input = coalesce(c.input, n.input),
                   finished_at = CASE WHEN c.status = 'succeeded' THEN now() END
              FROM change c
             WHERE n.execution_id = c.execution_id AND n.node_id = c.node_id
               AND (c.only_if IS NULL OR n.status = c.only_if) AND (c.only_attempt IS NULL OR n.attempts = c.only_attempt)
               AND EXISTS (SELECT 1 FROM executions e WHERE e.id = c.execution_id AND e.tenant_id = c.tenant_id)
            RETURNING n.execution_id, n.node_id, n.status, n.branch, (extract(epoch FROM (now() - coalesce(n.started_at, now()))) * 1000)::int AS duration_ms
          )
          SELECT n.execution_id AS "executionId", n.node_id AS "nodeId", coalesce(c.status, n.status) AS status,
                 CASE WHEN c.node_id IS NULL THEN n.branch ELSE c.branch END AS branch, n.scheduled, c.node_id IS NOT NULL AS changed, c.duration_ms AS "durationMs"
            FROM node_executions n LEFT JOIN changed c ON c.execution_id = n.execution_id AND c.node_id = n.node_id
           WHERE n.execution_id = ANY(${sqlArray(
             targets.map((target) => target.executionId),
             'uuid',
           )})`;
}
