import { Injectable } from '@nestjs/common';
import type { PoolClient, QueryResult } from 'pg';
import type { NodeState } from '../domain/execution-planner.js';
import type { LockedExecution } from './locked-execution.js';
import {
  beginLockAndChangeSql,
  commitSettlementsSql,
  type SettlementTarget,
  type SettlementWrite,
} from './settlement.statements.js';
import { oneRoundTrip } from './sql-statement.js';

/** One execution as the first round trip of a settlement left it: locked, its change applied or not. */
export interface LockedSettlement {
  /** Undefined: no such execution (of this tenant). */
  execution?: LockedExecution;
  states: Map<string, NodeState>;
  /** Set when the change applied. */
  changed?: { durationMs: number };
}

interface StateRow {
  executionId: string;
  nodeId: string;
  status: NodeState['status'];
  branch: string | null;
  scheduled: boolean;
  changed: boolean;
  durationMs: number | null;
}

/**
 * The two round trips of a group commit (see NodeSettlements), on one checked-out connection: the
 * transaction runs between them, so the caller decides with the executions locked.
 */
@Injectable()
export class SettlementStore {
  /**
   * Opens the settling transaction, locks the executions, applies each node change (when its
   * transition's guard holds) and reads every node's state of each execution as it is after the
   * change: one round trip. The statement after the locks takes a fresh snapshot, so the states read
   * include every change committed before the locks were granted: parallel branches finishing at once
   * are serialised and each sees the others. At most one target per execution.
   */
  async beginLockAndChange(client: PoolClient, targets: readonly SettlementTarget[]): Promise<LockedSettlement[]> {
    const [, locked, read] = (await client.query(oneRoundTrip(beginLockAndChangeSql(targets)))) as unknown as [
      QueryResult,
      QueryResult<LockedExecution>,
      QueryResult<StateRow>,
    ];
    const lockedById = new Map(locked.rows.map((row) => [row.id, row]));
    const rowsById = new Map<string, StateRow[]>();
    for (const row of read.rows) {
      const rows = rowsById.get(row.executionId);
      if (rows) rows.push(row);
      else rowsById.set(row.executionId, [row]);
    }
    return targets.map(({ execution: target }) => {
      const execution = lockedById.get(target.id);
      const rows = rowsById.get(target.id) ?? [];
      const changedRow = rows.find((row) => row.changed);
      return {
        execution: execution?.tenantId === target.tenantId ? execution : undefined,
        states: new Map(
          rows.map((row) => [row.nodeId, { status: row.status, branch: row.branch, scheduled: row.scheduled }]),
        ),
        changed: changedRow ? { durationMs: changedRow.durationMs ?? 0 } : undefined,
      };
    });
  }

  /** The settlements' writes, their events and the COMMIT, in one round trip. */
  async commit(client: PoolClient, writes: readonly SettlementWrite[]): Promise<void> {
    await client.query(oneRoundTrip(commitSettlementsSql(writes)));
  }
}
