import type { NodeStatus } from './execution-status.js';
import { nextStatus, type StatusTransition } from './status-transition.js';

/**
 * Every way a node execution moves between statuses. The persistence layer builds each statement's
 * WHERE guard from this table (see persistence/transition-sql.ts), so no statement moves a node
 * any other way. A node is created `pending` (or `succeeded`/`skipped`, see planStart).
 */
export const NODE_TRANSITIONS = {
  /** A job starts an attempt (from running: a copy of the job whose lock was lost starts again). */
  start: { from: ['pending', 'running'], to: 'running' },
  /** The node asked to run later; its attempt is given back. */
  defer: { from: ['running'], to: 'pending' },
  /** An attempt failed and the queue tries again. */
  retry: { from: ['running'], to: 'pending' },
  /** The attempt produced the node's output. */
  succeed: { from: ['running'], to: 'succeeded' },
  /** The attempt parked the node until something resumes it. */
  wait: { from: ['running'], to: 'waiting' },
  /** A waiting node goes on (its resume URL was called, its timer fired, or its timeout branch is taken). */
  resume: { from: ['waiting'], to: 'succeeded' },
  /** The attempt failed for good. */
  fail: { from: ['running'], to: 'failed' },
  /** A waiting node timed out with no timeout branch. */
  timeOut: { from: ['waiting'], to: 'failed' },
  /** The queue gave the node's job up (it failed outside the node's own handling). */
  giveUp: { from: ['pending', 'running'], to: 'failed' },
  /** None of its inputs is live: it can never run. */
  skip: { from: ['pending'], to: 'skipped' },
  /** Its inputs are settled and one is live: a job is queued for it (its status stays). */
  schedule: { from: ['pending'], to: 'pending' },
  /** Its execution failed or was cancelled before the node ran. */
  cancel: { from: ['pending', 'waiting'], to: 'cancelled' },
  /** Its execution is retried: the failed node runs again. */
  rerun: { from: ['failed'], to: 'pending' },
  /** Its execution is retried: the cancelled node waits for its inputs again. */
  reopen: { from: ['cancelled'], to: 'pending' },
} as const satisfies Record<string, StatusTransition<NodeStatus>>;

export type NodeTransition = keyof typeof NODE_TRANSITIONS;

/**
 * A transition as a caller asks for it. A job's transitions carry the attempt number that started it
 * (its fence): a stale copy of a re-delivered job then applies nothing.
 */
export interface NodeMove<T extends NodeTransition = NodeTransition> {
  transition: T;
  attempt?: number;
}

/** The status a node in `from` has after `transition`; undefined: the table refuses it. */
export function nextNodeStatus(from: NodeStatus, transition: NodeTransition): NodeStatus | undefined {
  return nextStatus<NodeStatus>(NODE_TRANSITIONS[transition], from);
}
