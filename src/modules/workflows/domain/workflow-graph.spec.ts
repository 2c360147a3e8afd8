import { waitNodeType } from '../../waits/domain/wait.node-type.js';
import { coreNodeTypes } from './core-node-types.js';
import { NodeTypeCatalog } from './node-type-catalog.js';
import { validateWorkflowDefinition, WorkflowGraph, type WorkflowEdge, type WorkflowNode } from './workflow-graph.js';

function catalog(): NodeTypeCatalog {
  const result = new NodeTypeCatalog();
  for (const definition of [...coreNodeTypes, waitNodeType]) result.register(definition);
  return result;
}

const trigger: WorkflowNode = { id: 'start', type: 'trigger.manual', config: {} };
const transform = (id: string): WorkflowNode => ({ id, type: 'transform', config: { set: { [id]: 'x' } } });
const condition = (id: string): WorkflowNode => ({ id, type: 'condition', config: { expression: '{{ trigger.body.ok }}' } });
const edge = (source: string, target: string, branch?: string): WorkflowEdge => ({ source, target, ...(branch ? { branch } : {}) });

describe('validateWorkflowDefinition', () => {
  const validate = (nodes: WorkflowNode[], edges: WorkflowEdge[]) => validateWorkflowDefinition({ nodes, edges }, catalog());

  it('accepts a branching graph with a join', () => {
    const result = validate(
      [trigger, condition('check'), transform('yes'), transform('no'), transform('join')],
      [edge('start', 'check'), edge('check', 'yes', 'true'), edge('check', 'no', 'false'), edge('yes', 'join'), edge('no', 'join')],
    );
    expect(result).toEqual({ configErrors: [], graphErrors: [] });
  });

  it('reports an unknown type and a bad config with the node id and field', () => {
    const { configErrors } = validate([trigger, { id: 'x', type: 'teleport', config: {} }, { id: 'c', type: 'condition', config: {} }], []);
    expect(configErrors).toEqual([
      { field: 'nodes[1].type', message: expect.stringMatching(/^node "x": unknown node type "teleport"/) },
      { field: 'nodes[2].config.expression', message: expect.stringContaining('node "c"') },
    ]);
  });

  it('reports duplicate node ids and unknown config properties', () => {
    const { configErrors } = validate([trigger, { id: 'start', type: 'transform', config: { set: { a: 1 }, extra: true } }], []);
    expect(configErrors.map((error) => error.field)).toEqual(['nodes[1].id', 'nodes[1].config.extra']);
  });

  it.each([
    ['dangling_edge', [trigger], [edge('start', 'ghost')], /"ghost"/],
    ['cycle', [trigger, transform('a'), transform('b')], [edge('start', 'a'), edge('a', 'b'), edge('b', 'a')], /cycle through nodes "a", "b"/],
    ['cycle', [trigger, transform('a')], [edge('start', 'a'), edge('a', 'a')], /"a"/],
    ['no_trigger', [transform('a')], [], /at least one trigger/],
    ['trigger_has_incoming_edge', [trigger, transform('a')], [edge('start', 'a'), edge('a', 'start')], /trigger node "start"/],
    ['unknown_branch', [trigger, transform('a'), transform('b')], [edge('start', 'a'), edge('a', 'b', 'yes')], /node "a" has no branch "yes"/],
    ['unknown_branch', [trigger, condition('c'), transform('b')], [edge('start', 'c'), edge('c', 'b')], /needs a branch: node "c" has outputs true, false/],
    ['duplicate_edge', [trigger, transform('a')], [edge('start', 'a'), edge('start', 'a')], /listed twice/],
  ])('reports %s', (code, nodes, edges, message) => {
    const { graphErrors } = validate(nodes as WorkflowNode[], edges as WorkflowEdge[]);
    expect(graphErrors).toContainEqual({ code, message: expect.stringMatching(message) });
  });

  it('allows a wait node both its normal output and its timeout branch', () => {
    const wait: WorkflowNode = { id: 'pause', type: 'wait', config: { mode: 'webhook' } };
    expect(validate([trigger, wait, transform('ok'), transform('late')], [edge('start', 'pause'), edge('pause', 'ok'), edge('pause', 'late', 'timeout')]).graphErrors).toEqual([]);
  });

  it('validates a 5,000-node chain', () => {
    const nodes = [trigger, ...Array.from({ length: 4999 }, (_, i) => transform(`n${i}`))];
    const edges = nodes.slice(1).map((node, i) => edge(nodes[i].id, node.id));
    expect(validate(nodes, edges)).toEqual({ configErrors: [], graphErrors: [] });
  });
});

describe('WorkflowGraph', () => {
  const graph = new WorkflowGraph(
    [trigger, condition('check'), transform('yes'), transform('no'), transform('join')],
    [edge('start', 'check'), edge('check', 'yes', 'true'), edge('check', 'no', 'false'), edge('yes', 'join'), edge('no', 'join')],
  );

  it('answers successors by branch and predecessors', () => {
    expect(graph.successors('check', 'true')).toEqual(['yes']);
    expect(graph.successors('check', 'false')).toEqual(['no']);
    expect(graph.successors('start')).toEqual(['check']);
    expect(graph.predecessors('join')).toEqual(['yes', 'no']);
  });

  it('orders nodes topologically', () => {
    const { order, cyclic } = graph.topologicalOrder();
    expect(cyclic).toEqual([]);
    expect(order.indexOf('start')).toBeLessThan(order.indexOf('check'));
    expect(order.indexOf('yes')).toBeLessThan(order.indexOf('join'));
  });
});
