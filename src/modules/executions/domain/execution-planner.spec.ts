import { WorkflowGraph, type WorkflowEdge, type WorkflowNode } from '../../workflows/domain/workflow-graph.js';
import { isSettled, planNext, planStart, type NodeState } from './execution-planner.js';

const node = (id: string, type = 'transform'): WorkflowNode => ({ id, type, config: {} });
const edge = (source: string, target: string, branch?: string): WorkflowEdge => ({
  source,
  target,
  ...(branch ? { branch } : {}),
});

// start → check ─true→ yes ─┐
//                └false→ no ─┴→ join → after
const graph = new WorkflowGraph(
  [node('start', 'trigger.manual'), node('check', 'condition'), node('yes'), node('no'), node('join'), node('after')],
  [
    edge('start', 'check'),
    edge('check', 'yes', 'true'),
    edge('check', 'no', 'false'),
    edge('yes', 'join'),
    edge('no', 'join'),
    edge('join', 'after'),
  ],
);

function states(entries: Record<string, Partial<NodeState>>): Map<string, NodeState> {
  const map = new Map<string, NodeState>();
  for (const id of ['start', 'check', 'yes', 'no', 'join', 'after'])
    map.set(id, { status: 'pending', scheduled: false, ...entries[id] });
  return map;
}

describe('planNext', () => {
  it('queues the successor of a completed node', () => {
    expect(planNext(graph, states({ start: { status: 'succeeded', scheduled: true } }))).toEqual({
      ready: ['check'],
      skip: [],
    });
  });

  it('follows only the taken branch and skips the other', () => {
    const plan = planNext(
      graph,
      states({ start: { status: 'succeeded' }, check: { status: 'succeeded', branch: 'true' } }),
    );
    expect(plan).toEqual({ ready: ['yes'], skip: ['no'] });
  });

  it('runs a join once, after all its live inputs, even with a skipped input', () => {
    const s = states({
      start: { status: 'succeeded' },
      check: { status: 'succeeded', branch: 'false' },
      yes: { status: 'skipped' },
      no: { status: 'running', scheduled: true },
    });
    expect(planNext(graph, s)).toEqual({ ready: [], skip: [] });
    s.set('no', { status: 'succeeded', scheduled: true });
    expect(planNext(graph, s)).toEqual({ ready: ['join'], skip: [] });
    expect(planNext(graph, s)).toEqual({ ready: [], skip: [] });
  });

  it('cascades skips downstream when no input is live', () => {
    const s = states({ start: { status: 'succeeded' }, check: { status: 'failed' } });
    expect(planNext(graph, s)).toEqual({ ready: [], skip: ['yes', 'no', 'join', 'after'] });
  });

  it('never re-queues a scheduled node', () => {
    expect(planNext(graph, states({ start: { status: 'succeeded' }, check: { scheduled: true } }))).toEqual({
      ready: [],
      skip: [],
    });
  });
});

describe('isSettled', () => {
  it('is true only when every node is final', () => {
    expect(isSettled(states({}))).toBe(false);
    const done = states({});
    for (const id of done.keys()) done.set(id, { status: 'succeeded', scheduled: true });
    expect(isSettled(done)).toBe(true);
    done.set('after', { status: 'waiting', scheduled: true });
    expect(isSettled(done)).toBe(false);
  });
});

describe('planStart', () => {
  // in ─→ a ─→ b, plus a second trigger (other) and a step no edge reaches (orphan)
  const started = new WorkflowGraph(
    [node('in', 'trigger.webhook'), node('other', 'trigger.manual'), node('a'), node('b'), node('orphan')],
    [edge('in', 'a'), edge('other', 'a'), edge('a', 'b')],
  );
  const statusOf = (plan: ReturnType<typeof planStart>) =>
    Object.fromEntries(plan.nodes.map((n) => [n.id, `${n.status}${n.scheduled ? '+scheduled' : ''}`]));

  it('queues the trigger when it runs as a job of its own; other entry nodes are skipped', () => {
    const plan = planStart(started, 'in', false);
    expect(statusOf(plan)).toEqual({
      in: 'pending+scheduled',
      other: 'skipped',
      a: 'pending',
      b: 'pending',
      orphan: 'skipped',
    });
    expect(plan).toMatchObject({ ready: ['in'], finished: false });
  });

  it('records a trigger that ran in the starting job as succeeded and queues its successors', () => {
    const plan = planStart(started, 'in', true);
    expect(statusOf(plan)).toEqual({
      in: 'succeeded',
      other: 'skipped',
      a: 'pending+scheduled',
      b: 'pending',
      orphan: 'skipped',
    });
    expect(plan).toMatchObject({ ready: ['a'], finished: false });
  });

  it('finishes at once a workflow whose trigger ran and nothing follows', () => {
    const alone = new WorkflowGraph([node('in', 'trigger.webhook')], []);
    expect(planStart(alone, 'in', true)).toEqual({
      nodes: [{ id: 'in', type: 'trigger.webhook', status: 'succeeded', scheduled: false }],
      ready: [],
      finished: true,
    });
    expect(planStart(alone, 'in', false)).toMatchObject({ ready: ['in'], finished: false });
  });
});
