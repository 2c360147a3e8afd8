import { WorkflowGraph, type WorkflowNode } from '../../workflows/domain/workflow-graph.js';
import type { NodeState } from './execution-planner.js';
import type { ExecutionStatus } from './execution-status.js';
import { decideSettlement } from './settlement.js';

const node = (id: string): WorkflowNode => ({ id, type: 'transform', config: {} });

// start → wait → after
const graph = new WorkflowGraph(
  [node('start'), node('wait'), node('after')],
  [
    { source: 'start', target: 'wait' },
    { source: 'wait', target: 'after' },
  ],
);

function states(wait: Partial<NodeState>, after: Partial<NodeState> = {}): Map<string, NodeState> {
  return new Map<string, NodeState>([
    ['start', { status: 'succeeded', scheduled: true }],
    ['wait', { status: 'pending', scheduled: true, ...wait }],
    ['after', { status: 'pending', scheduled: false, ...after }],
  ]);
}

const decide = (status: ExecutionStatus, nodes: Map<string, NodeState>) => decideSettlement(status, graph, nodes);

describe('decideSettlement', () => {
  it('parks a running execution whose only open node waits, and wakes it once that node went on', () => {
    expect(decide('running', states({ status: 'waiting' }))).toEqual({ skip: [], ready: [], transition: 'park' });
    expect(decide('waiting', states({ status: 'succeeded' }))).toEqual({
      skip: [],
      ready: ['after'],
      transition: 'activate',
    });
  });

  it('leaves the status alone when it is the one the execution has', () => {
    expect(decide('running', states({ status: 'running' }))).toEqual({ skip: [], ready: [] });
    expect(decide('waiting', states({ status: 'waiting' }))).toEqual({ skip: [], ready: [] });
  });

  it('ends it once every node is settled: succeeded, or failed when a node failed', () => {
    const done = { status: 'succeeded', scheduled: true } as const;
    expect(decide('running', states(done, done)).transition).toBe('succeed');
    expect(decide('running', states({ status: 'failed' })).transition).toBe('fail');
  });

  it('decides nothing for a finished execution', () => {
    for (const status of ['succeeded', 'failed', 'cancelled'] as const)
      expect(decide(status, states({ status: 'succeeded' }))).toEqual({ skip: [], ready: [] });
  });
});
