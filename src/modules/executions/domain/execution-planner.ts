import type { WorkflowGraph } from '../../workflows/index.js';
import { FINAL_NODE_STATUSES, type NodeStatus } from './execution-status.js';

export interface NodeState {
  status: NodeStatus;
  /** The output the node took (undefined: its default output). */
  branch?: string | null;
  /** A job for it was queued already. */
  scheduled: boolean;
}

export interface Plan {
  /** Nodes that can never run now: none of their inputs is live. */
  skip: string[];
  /** Nodes whose inputs are all settled and at least one is live: queue them. */
  ready: string[];
}

/**
 * Decides what happens after node states changed. An edge is live when its source succeeded and took
 * the edge's branch. A pending node becomes ready once all its inputs are settled and one is live
 * (so a join runs once, after all its live inputs), and skipped when all are settled and none is.
 * Skips cascade in topological order.
 */
export function planNext(graph: WorkflowGraph, states: Map<string, NodeState>): Plan {
  const plan: Plan = { skip: [], ready: [] };
  for (const nodeId of graph.topologicalOrder().order) {
    const state = states.get(nodeId);
    if (!state || state.status !== 'pending' || state.scheduled) continue;
    const incoming = graph.incomingEdges(nodeId);
    if (incoming.length === 0) continue;
    let settled = true;
    let live = false;
    for (const edge of incoming) {
      const source = states.get(edge.source);
      if (!source || !FINAL_NODE_STATUSES.includes(source.status)) {
        settled = false;
        break;
      }
      if (source.status === 'succeeded' && (source.branch ?? undefined) === edge.branch) live = true;
    }
    if (!settled) continue;
    if (live) {
      plan.ready.push(nodeId);
      states.set(nodeId, { ...state, scheduled: true });
    } else {
      plan.skip.push(nodeId);
      states.set(nodeId, { ...state, status: 'skipped' });
    }
  }
  return plan;
}

/** Nothing is left to run or wait for. */
export function isSettled(states: Map<string, NodeState>): boolean {
  for (const state of states.values()) if (!FINAL_NODE_STATUSES.includes(state.status)) return false;
  return true;
}

export interface StartPlan {
  /** Every node's first state, in graph order. */
  nodes: { id: string; type: string; status: NodeStatus; scheduled: boolean }[];
  /** Nodes to queue once the execution is stored. */
  ready: string[];
  /** Every node is settled already: a workflow whose only runnable node is the trigger, which ran. */
  finished: boolean;
}

/**
 * An execution's first node states. Entry nodes other than the starting trigger can never run
 * (skipped). When the trigger ran in the job that starts the execution (an inbound event's job), it
 * is succeeded and its successors are ready; otherwise the trigger itself is ready.
 */
export function planStart(graph: WorkflowGraph, triggerId: string, triggerRan: boolean): StartPlan {
  const states = new Map<string, NodeState>();
  for (const node of graph.nodes) {
    if (node.id === triggerId)
      states.set(node.id, { status: triggerRan ? 'succeeded' : 'pending', scheduled: !triggerRan });
    else
      states.set(node.id, {
        status: graph.incomingEdges(node.id).length === 0 ? 'skipped' : 'pending',
        scheduled: false,
      });
  }
  const ready = triggerRan ? planNext(graph, states).ready : [triggerId];
  return {
    nodes: graph.nodes.map((node) => ({ id: node.id, type: node.type, ...states.get(node.id)! })),
    ready,
    finished: triggerRan && isSettled(states),
  };
}
