import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { toPostgresJson } from '../../../platform/database/postgres-text.js';
import type { ErrorInfo, NodeStatus } from '../domain/execution-status.js';
import type { NodeMove } from '../domain/node-transitions.js';
import {
  cancelOpenNodesSql,
  endExecutionSql,
  failNodeSql,
  lockExecutionSql,
  nodeStatusSql,
  reopenCancelledNodesSql,
  rerunFailedNodesSql,
  retryExecutionSql,
  type NodeFailureTransition,
} from './execution-state.statements.js';
import type { LockedExecution } from './locked-execution.js';
import type { SqlStatement } from './sql-statement.js';

/**
 * The execution's state in the transactions that lock it first (UnitOfWork: failure, cancellation,
 * retry), so they are serialised with settlements and see each other's committed node states.
 */
@Injectable()
export class ExecutionStateStore {
  async lock(manager: EntityManager, tenantId: string, executionId: string): Promise<LockedExecution | undefined> {
    const rows: LockedExecution[] = await query(manager, lockExecutionSql(tenantId, executionId));
    return rows[0];
  }

  /** Undefined: no such node. */
  async nodeStatus(manager: EntityManager, executionId: string, nodeId: string): Promise<NodeStatus | undefined> {
    const rows: { status: NodeStatus }[] = await query(manager, nodeStatusSql(executionId, nodeId));
    return rows[0]?.status;
  }

  /** The node fails for good if it can still make `move`; returns whether it did. */
  async failNode(
    manager: EntityManager,
    executionId: string,
    nodeId: string,
    move: NodeMove<NodeFailureTransition>,
    error: ErrorInfo,
  ): Promise<boolean> {
    const [failed]: [unknown[], number] = await query(
      manager,
      failNodeSql(executionId, nodeId, move.transition, move.attempt ?? null, toPostgresJson(error)),
    );
    return failed.length > 0;
  }

  /** The execution fails or is cancelled: nodes that had not run stop for good, and it ends. */
  async end(
    manager: EntityManager,
    executionId: string,
    transition: 'fail' | 'cancel',
    error: ErrorInfo | null = null,
  ): Promise<void> {
    await query(manager, cancelOpenNodesSql(executionId));
    await query(manager, endExecutionSql(executionId, transition, error === null ? null : toPostgresJson(error)));
  }

  /** The failed execution runs again as run `retryCount`; returns the nodes to queue again. */
  async retry(manager: EntityManager, executionId: string, retryCount: number): Promise<string[]> {
    const [failed]: [{ nodeId: string }[], number] = await query(manager, rerunFailedNodesSql(executionId));
    await query(manager, reopenCancelledNodesSql(executionId));
    await query(manager, retryExecutionSql(executionId, retryCount));
    return failed.map((row) => row.nodeId);
  }
}

function query<T>(manager: EntityManager, statement: SqlStatement): Promise<T> {
  return manager.query(statement.text, statement.values);
}
