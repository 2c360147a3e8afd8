import type { ExecutionStatus } from './execution-status.js';
import { nextStatus, type StatusTransition } from './status-transition.js';

const LIVE = ['queued', 'running', 'waiting'] as const;

/**
 * Every way an execution moves between statuses. The persistence layer builds each statement's WHERE
 * guard from this table (see persistence/transition-sql.ts), so no statement moves an execution any
 * other way. An execution is created `queued` (or `running`/`succeeded` when its trigger already ran).
 */
export const EXECUTION_TRANSITIONS = {
  /** Its first node starts. */
  start: { from: ['queued'], to: 'running' },
  /** Settled with a node running or queued (again). */
  activate: { from: ['queued', 'waiting'], to: 'running' },
  /** Settled with nothing to run: only waiting nodes are left. */
  park: { from: ['queued', 'running'], to: 'waiting' },
  /** Settled with every node done, none failed. */
  succeed: { from: LIVE, to: 'succeeded' },
  /** A node failed for good. */
  fail: { from: LIVE, to: 'failed' },
  /** Cancelled by a user. */
  cancel: { from: LIVE, to: 'cancelled' },
  /** Retried by a user after it failed. */
  retry: { from: ['failed'], to: 'running' },
} as const satisfies Record<string, StatusTransition<ExecutionStatus>>;

export type ExecutionTransition = keyof typeof EXECUTION_TRANSITIONS;

/** The status an execution in `from` has after `transition`; undefined: the table refuses it. */
export function nextExecutionStatus(
  from: ExecutionStatus,
  transition: ExecutionTransition,
): ExecutionStatus | undefined {
  return nextStatus<ExecutionStatus>(EXECUTION_TRANSITIONS[transition], from);
}
