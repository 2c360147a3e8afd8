import { sqlLiteral } from '../../../platform/database/sql-literal.js';
import { unnestColumns } from '../../../platform/database/unnest-columns.js';
import { EVENT_STORE_INSERT } from '../../../platform/outbox/unit-of-work.js';
import { FINAL_EXECUTION_STATUSES } from '../domain/execution-status.js';
import { EXECUTION_TRANSITIONS } from '../domain/execution-transitions.js';
import { NODE_TRANSITIONS } from '../domain/node-transitions.js';
import { NODE_TRIGGERED } from '../events/node-triggered.event.js';
import type { SqlStatement } from './sql-statement.js';
import { executionMayMove, nodeMayMove, statusNotIn } from './transition-sql.js';

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

/** A node's attempt that a job started: the attempt number marking the node running returned (its fence). */
export interface NodeAttempt {
  executionId: string;
  nodeId: string;
  attempt: number;
}

/**
 * Starts a batch of node jobs (at most one request per job): loads each execution, its node and the
 * outputs it may use, and — where the node is pending or running in a live execution of the job's run —
 * marks the node running (its new attempt number is the job's fence), a queued execution too, and
 * stores `workflow.node.triggered`. Unnamed when sent, like every batch statement: planned for the batch
 * it carries (see test/plan-cache.e2e-spec.ts).
 */
export function startNodeRunsSql(requests: readonly NodeRunRequest[]): SqlStatement {
  return {
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
               UPDATE node_executions n SET status = ${sqlLiteral(NODE_TRANSITIONS.start.to)}, attempts = n.attempts + 1, started_at = coalesce(n.started_at, now()), error = NULL
                 FROM target t
                WHERE n.execution_id = t.execution_id AND n.node_id = t.node_id AND ${nodeMayMove('n.status', 'start')}
                  AND t.retry_count = t.run AND ${statusNotIn('t.status', FINAL_EXECUTION_STATUSES)}
                RETURNING n.execution_id, n.node_id, n.attempts
             ), execution AS (
               UPDATE executions SET status = ${sqlLiteral(EXECUTION_TRANSITIONS.start.to)}, started_at = coalesce(started_at, now())
                WHERE id IN (SELECT execution_id FROM node) AND ${executionMayMove('status', 'start')}
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
        requests,
        (r) => r.executionId,
        (r) => r.tenantId,
        (r) => r.nodeId,
        (r) => r.run,
        (r) => r.attempt,
        (r) => r.correlationId,
      ),
      NODE_TRIGGERED,
    ],
  };
}

/** The node asked to run later: back to pending, its attempt given back. */
export function deferAttemptSql({ executionId, nodeId, attempt }: NodeAttempt): SqlStatement {
  return {
    text: `UPDATE node_executions SET status = ${sqlLiteral(NODE_TRANSITIONS.defer.to)}, attempts = greatest(attempts - 1, 0)
          WHERE execution_id = $1 AND node_id = $2 AND ${nodeMayMove('status', 'defer')} AND attempts = $3`,
    values: [executionId, nodeId, attempt],
  };
}

/** The attempt failed and will be retried: back to pending with its error (serialised JSON). */
export function retryAttemptSql({ executionId, nodeId, attempt }: NodeAttempt, error: string): SqlStatement {
  return {
    text: `UPDATE node_executions SET status = ${sqlLiteral(NODE_TRANSITIONS.retry.to)}, error = $3
          WHERE execution_id = $1 AND node_id = $2 AND ${nodeMayMove('status', 'retry')} AND attempts = $4`,
    values: [executionId, nodeId, error, attempt],
  };
}
