import type { WorkflowGraph } from '../../workflows/index.js';
import { isSettled, planNext, type NodeState, type Plan } from './execution-planner.js';
import { FINAL_EXECUTION_STATUSES, type ExecutionStatus } from './execution-status.js';
import { nextExecutionStatus, type ExecutionTransition } from './execution-transitions.js';

/** How settling moves an execution. */
export type SettlementTransition = Extract<ExecutionTransition, 'activate' | 'park' | 'succeed' | 'fail'>;

/** What settling an execution decided: its nodes to skip and to schedule, and how the execution moves. */
export interface Settlement extends Plan {
  /** None: the execution keeps its status. */
  transition?: SettlementTransition;
}

/**
 * After node states changed (pure): skip what can no longer run, schedule what is ready (once), and
 * move the execution to running, waiting, succeeded or failed. `states` is updated with the decisions.
 * A finished execution is left as it is.
 */
export function decideSettlement(
  status: ExecutionStatus,
  graph: WorkflowGraph,
  states: Map<string, NodeState>,
): Settlement {
  if (FINAL_EXECUTION_STATUSES.includes(status)) return { skip: [], ready: [] };
  const plan = planNext(graph, states);
  const transition = transitionAfter(states);
  // Refused by the table: the execution has that status already (running, or waiting).
  return nextExecutionStatus(status, transition) === undefined ? plan : { ...plan, transition };
}

function transitionAfter(states: Map<string, NodeState>): SettlementTransition {
  const all = [...states.values()];
  if (isSettled(states)) return all.some((state) => state.status === 'failed') ? 'fail' : 'succeed';
  const active = all.some((state) => state.status === 'running' || (state.status === 'pending' && state.scheduled));
  return active ? 'activate' : 'park';
}
