import { Injectable } from '@nestjs/common';
import { NodeError, WaitingNodes } from '../executions/index.js';
import { type WorkflowGraph, type WorkflowNode, WorkflowVersionReader } from '../workflows/index.js';

export interface WaitTarget {
  tenantId: string;
  executionId: string;
  workflowId: string;
  workflowVersion: number;
  nodeId: string;
}

export const TIMEOUT_BRANCH = 'timeout';

/**
 * How a waiting `wait` node ends: resumed, timer fired, or timed out. Each applies only while the
 * node is still `waiting`, so of a resume and a timeout (or two resumes) exactly one wins; each
 * returns whether it applied.
 */
@Injectable()
export class WaitOutcomes {
  constructor(
    private readonly nodes: WaitingNodes,
    private readonly workflows: WorkflowVersionReader,
  ) {}

  async resume(target: WaitTarget, output: unknown): Promise<boolean> {
    return this.complete(target, (graph, node) => this.nodes.resume(ref(target), graph, node, output));
  }

  async timerFired(target: WaitTarget): Promise<boolean> {
    return this.complete(target, (graph, node) =>
      this.nodes.resume(ref(target), graph, node, { resumedAt: new Date().toISOString(), reason: 'timer' }),
    );
  }

  /** Follows the `timeout` branch when one is connected; otherwise the node fails with `timeout`. */
  async timedOut(target: WaitTarget): Promise<boolean> {
    return this.complete(target, (graph, node) =>
      hasTimeoutBranch(graph, node.id)
        ? this.nodes.resume(
            ref(target),
            graph,
            node,
            { expiredAt: new Date().toISOString(), reason: 'timeout' },
            TIMEOUT_BRANCH,
          )
        : this.nodes.timeOut(ref(target), node, new NodeError('timeout', 'The wait timed out', false)),
    );
  }

  /** The node's run is still being recorded (a timer can fire before its `waiting` commits). */
  async stillRunning(target: WaitTarget): Promise<boolean> {
    const status = await this.nodes.status(target.executionId, target.nodeId);
    return status === 'running' || status === 'pending';
  }

  private async complete(
    target: WaitTarget,
    apply: (graph: WorkflowGraph, node: WorkflowNode) => Promise<boolean>,
  ): Promise<boolean> {
    const graph = await this.workflows.graph(target.tenantId, target.workflowId, target.workflowVersion);
    const node = graph.node(target.nodeId);
    return node ? apply(graph, node) : false;
  }
}

function ref(target: WaitTarget) {
  return { id: target.executionId, tenantId: target.tenantId, workflowId: target.workflowId };
}

function hasTimeoutBranch(graph: WorkflowGraph, nodeId: string): boolean {
  return graph.outgoingEdges(nodeId).some((edge) => edge.branch === TIMEOUT_BRANCH);
}
