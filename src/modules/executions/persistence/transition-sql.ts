import { sqlLiteral } from '../../../platform/database/sql-literal.js';
import { EXECUTION_TRANSITIONS, type ExecutionTransition } from '../domain/execution-transitions.js';
import { NODE_TRANSITIONS, type NodeTransition } from '../domain/node-transitions.js';
import type { StatusTransition } from '../domain/status-transition.js';

/**
 * WHERE guards built from the transition tables (domain/node-transitions.ts,
 * domain/execution-transitions.ts), so a statement and the table cannot drift apart.
 */

/** `<column> IN ('pending', 'running')`: the statuses a node may leave by `transition`. */
export function nodeMayMove(column: string, transition: NodeTransition): string {
  return statusIn(column, NODE_TRANSITIONS[transition].from);
}

/** `<column> IN ('queued')`: the statuses an execution may leave by `transition`. */
export function executionMayMove(column: string, transition: ExecutionTransition): string {
  return statusIn(column, EXECUTION_TRANSITIONS[transition].from);
}

/**
 * `(VALUES ('succeed', 'running', 'succeeded'), …) AS <alias>(transition, from_status, to_status)`: the
 * rows of the node table for `transitions`, to join with a batch whose rows each name their transition.
 */
export function nodeTransitionRows(alias: string, transitions: readonly NodeTransition[]): string {
  return transitionRows(alias, transitions, NODE_TRANSITIONS);
}

/** As nodeTransitionRows, of the execution table. */
export function executionTransitionRows(alias: string, transitions: readonly ExecutionTransition[]): string {
  return transitionRows(alias, transitions, EXECUTION_TRANSITIONS);
}

/** `<column> IN ('a', 'b')`. */
export function statusIn(column: string, statuses: readonly string[]): string {
  return `${column} IN (${statusList(statuses)})`;
}

/** `<column> NOT IN ('a', 'b')`. */
export function statusNotIn(column: string, statuses: readonly string[]): string {
  return `${column} NOT IN (${statusList(statuses)})`;
}

function statusList(statuses: readonly string[]): string {
  return statuses.map((status) => sqlLiteral(status)).join(', ');
}

function transitionRows<T extends string>(
  alias: string,
  transitions: readonly T[],
  table: Record<T, StatusTransition<string>>,
): string {
  const rows = transitions.flatMap((name) =>
    table[name].from.map((from) => `(${[name, from, table[name].to].map((value) => sqlLiteral(value)).join(', ')})`),
  );
  return `(VALUES ${rows.join(', ')}) AS ${alias}(transition, from_status, to_status)`;
}
