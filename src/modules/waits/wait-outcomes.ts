import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NodeError } from '../executions/index.js';
import { ExecutionStateStore } from '../executions/execution-state.store.js';
import { NodeOutcomeRecorder } from '../executions/node-outcome.recorder.js';
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
    private readonly outcomes: NodeOutcomeRecorder,
    private readonly workflows: WorkflowVersionReader,
    private readonly executions: ExecutionStateStore,
    private readonly dataSource: DataSource,
  ) {}

  async resume(target: WaitTarget, output: unknown): Promise<boolean> {
    return this.complete(target, (graph, node) =>
      this.outcomes.record(ref(target), graph, node, { kind: 'completed', output }, { status: 'waiting' }),
    );
  }

  async timerFired(target: WaitTarget): Promise<boolean> {
    return this.complete(target, (graph, node) =>
      this.outcomes.record(
        ref(target),
        graph,
        node,
        { kind: 'completed', output: { resumedAt: new Date().toISOString(), reason: 'timer' } },
        { status: 'waiting' },
      ),
    );
  }

  /** Follows the `timeout` branch when one is connected; otherwise the node fails with `timeout`. */
  async timedOut(target: WaitTarget): Promise<boolean> {
    return this.complete(target, (graph, node) =>
      hasTimeoutBranch(graph, node.id)
        ? this.outcomes.record(
            ref(target),
            graph,
            node,
            {
              kind: 'completed',
              branch: TIMEOUT_BRANCH,
              output: { expiredAt: new Date().toISOString(), reason: 'timeout' },
            },
            { status: 'waiting' },
          )
        : this.outcomes.fail(ref(target), node, new NodeError('timeout', 'The wait timed out', false), {
            status: 'waiting',
          }),
    );
  }

  /** The node's run is still being recorded (a timer can fire before its `waiting` commits). */
  async stillRunning(target: WaitTarget): Promise<boolean> {
    const state = (await this.executions.nodeStates(this.dataSource.manager, target.executionId)).get(target.nodeId);
    return state?.status === 'running' || state?.status === 'pending';
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
