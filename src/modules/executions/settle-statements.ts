import type { PoolClient } from 'pg';
import { sqlLiteral } from '../../platform/database/sql-literal.js';
import type { NodeChange } from './execution-state.store.js';

const CHANGE = 'flowhook_settle_change';
const READ = 'flowhook_settle_read';

const PREPARE = `
  PREPARE ${CHANGE} (uuid, uuid, text, text, jsonb, text, jsonb, text, int) AS
    WITH changed AS (
      UPDATE node_executions SET status = $4, output = $5, branch = $6, input = coalesce($7, input),
             finished_at = CASE WHEN $4 = 'succeeded' THEN now() END
       WHERE execution_id = $1 AND node_id = $3 AND ($8::text IS NULL OR status = $8) AND ($9::int IS NULL OR attempts = $9)
         AND EXISTS (SELECT 1 FROM executions WHERE id = $1 AND tenant_id = $2)
       RETURNING node_id, status, branch, (extract(epoch FROM (now() - coalesce(started_at, now()))) * 1000)::int AS duration_ms
    )
    SELECT n.node_id AS "nodeId", coalesce(c.status, n.status) AS status, CASE WHEN c.node_id IS NULL THEN n.branch ELSE c.branch END AS branch,
           n.scheduled, c.node_id IS NOT NULL AS changed, c.duration_ms AS "durationMs"
      FROM node_executions n LEFT JOIN changed c ON c.node_id = n.node_id
     WHERE n.execution_id = $1;
  PREPARE ${READ} (uuid) AS
    SELECT node_id AS "nodeId", status, branch, scheduled, false AS changed, NULL::int AS "durationMs" FROM node_executions WHERE execution_id = $1`;

const preparedOn = new WeakSet<PoolClient>();

/**
 * The settle transaction's per-execution statements are sent in a simple-protocol batch (several
 * statements, one round trip), which has no parameters; as SQL prepared statements, run with EXECUTE
 * and literal arguments, PostgreSQL parses them once per connection. A pool connection is one client
 * object for its whole life, so it is prepared once, and after five runs keeps one generic plan.
 *
 * Node rows are selected by execution (and node) only: with `node_executions.tenant_id = $2` as well,
 * a generic plan (made without the arguments' values) may pick the tenant's index
 * (node_executions_tenant_workflow_node_idx) and read every entry of the tenant on each settlement.
 * The change checks the tenant on the execution row; the reads are discarded unless the execution the
 * transaction locked is the tenant's.
 */
export async function prepareSettleStatements(client: PoolClient): Promise<void> {
  if (preparedOn.has(client)) return;
  await client.query(PREPARE);
  preparedOn.add(client);
}

/** EXECUTE of the statement reading the execution's node states after applying `change` (when given and its guard holds). */
export function executeStatesSql(executionId: string, tenantId: string, change?: NodeChange): string {
  if (!change) return `EXECUTE ${READ}(${sqlLiteral(executionId)})`;
  const args = [executionId, tenantId, change.nodeId, change.status, change.output, change.branch, change.input, change.onlyIf, change.onlyAttempt];
  return `EXECUTE ${CHANGE}(${args.map((arg) => sqlLiteral(arg)).join(', ')})`;
}
