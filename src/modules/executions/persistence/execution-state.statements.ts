import { sqlLiteral } from '../../../platform/database/sql-literal.js';
import { EXECUTION_TRANSITIONS } from '../domain/execution-transitions.js';
import { NODE_TRANSITIONS, type NodeTransition } from '../domain/node-transitions.js';
import { LOCKED_EXECUTION_COLUMNS } from './locked-execution.js';
import type { SqlStatement } from './sql-statement.js';
import { executionMayMove, nodeMayMove } from './transition-sql.js';

/** How a node fails for good. */
export type NodeFailureTransition = Extract<NodeTransition, 'fail' | 'timeOut' | 'giveUp'>;

/** Statements of the transactions that lock one execution (UnitOfWork): failure, cancellation, retry. */

export function lockExecutionSql(tenantId: string, executionId: string): SqlStatement {
  return {
    text: `SELECT ${LOCKED_EXECUTION_COLUMNS}
         FROM executions WHERE id = $1 AND tenant_id = $2 FOR UPDATE`,
    values: [executionId, tenantId],
  };
}

export function nodeStatusSql(executionId: string, nodeId: string): SqlStatement {
  return {
    text: `SELECT status FROM node_executions WHERE execution_id = $1 AND node_id = $2`,
    values: [executionId, nodeId],
  };
}

/** Returns the node's id if it failed. `error`: serialised JSON. */
export function failNodeSql(
  executionId: string,
  nodeId: string,
  transition: NodeFailureTransition,
  attempt: number | null,
  error: string,
): SqlStatement {
  return {
    text: `UPDATE node_executions SET status = ${sqlLiteral(NODE_TRANSITIONS[transition].to)}, error = $3, finished_at = now()
          WHERE execution_id = $1 AND node_id = $2 AND ${nodeMayMove('status', transition)} AND ($4::int IS NULL OR attempts = $4) RETURNING id`,
    values: [executionId, nodeId, error, attempt],
  };
}

/** Nodes that had not run stop for good (failure or cancellation of the execution). */
export function cancelOpenNodesSql(executionId: string): SqlStatement {
  return {
    text: `UPDATE node_executions SET status = ${sqlLiteral(NODE_TRANSITIONS.cancel.to)}, finished_at = now()
        WHERE execution_id = $1 AND ${nodeMayMove('status', 'cancel')}`,
    values: [executionId],
  };
}

/** The execution ends: it failed (`error`: serialised JSON) or was cancelled (no error). */
export function endExecutionSql(
  executionId: string,
  transition: 'fail' | 'cancel',
  error: string | null,
): SqlStatement {
  return {
    text: `UPDATE executions SET status = ${sqlLiteral(EXECUTION_TRANSITIONS[transition].to)}, error = $2, started_at = coalesce(started_at, now()),
              finished_at = now()
        WHERE id = $1 AND ${executionMayMove('status', transition)}`,
    values: [executionId, error],
  };
}

/** Retrying an execution, 1/3: its failed nodes are queued again; returns their node ids. */
export function rerunFailedNodesSql(executionId: string): SqlStatement {
  return {
    text: `UPDATE node_executions SET status = ${sqlLiteral(NODE_TRANSITIONS.rerun.to)}, scheduled = true, scheduled_at = now(), error = NULL, attempts = 0, started_at = NULL, finished_at = NULL
          WHERE execution_id = $1 AND ${nodeMayMove('status', 'rerun')} RETURNING node_id AS "nodeId"`,
    values: [executionId],
  };
}

/** Retrying an execution, 2/3: its cancelled nodes wait for their inputs again. */
export function reopenCancelledNodesSql(executionId: string): SqlStatement {
  return {
    text: `UPDATE node_executions SET status = ${sqlLiteral(NODE_TRANSITIONS.reopen.to)}, scheduled = false, scheduled_at = NULL, finished_at = NULL
          WHERE execution_id = $1 AND ${nodeMayMove('status', 'reopen')}`,
    values: [executionId],
  };
}

/** Retrying an execution, 3/3: it runs again as run `retryCount`. */
export function retryExecutionSql(executionId: string, retryCount: number): SqlStatement {
  return {
    text: `UPDATE executions SET status = ${sqlLiteral(EXECUTION_TRANSITIONS.retry.to)}, error = NULL, finished_at = NULL, retry_count = $2
          WHERE id = $1 AND ${executionMayMove('status', 'retry')}`,
    values: [executionId, retryCount],
  };
}
