import { contactUpdateNodeType } from '../../contacts/domain/contact-update.node-type.js';
import { waitNodeType } from '../../waits/domain/wait.node-type.js';
import { httpActionNodeType } from '../../webhook-actions/domain/http-action.node-type.js';
import { coreNodeTypes } from './core-node-types.js';
import { NodeTypeCatalog } from './node-type-catalog.js';
import {
  validateWorkflowDefinition,
  WorkflowGraph,
  type GraphError,
  type WorkflowEdge,
  type WorkflowNode,
} from './workflow-graph.js';

const catalog = new NodeTypeCatalog();
for (const definition of [...coreNodeTypes, waitNodeType, contactUpdateNodeType, httpActionNodeType])
  catalog.register(definition);

const trigger = (id = 'start', type = 'trigger.manual'): WorkflowNode => ({ id, type, config: {} });
const transform = (id: string): WorkflowNode => ({ id, type: 'transform', config: { set: { [id]: 'x' } } });
const condition = (id: string): WorkflowNode => ({
  id,
  type: 'condition',
  config: { expression: '{{ trigger.body.ok }}' },
});
const wait = (id: string): WorkflowNode => ({ id, type: 'wait', config: { mode: 'webhook', timeoutHours: 1 } });
const edge = (source: string, target: string, branch?: string, id?: string): WorkflowEdge => ({
  source,
  target,
  ...(branch === undefined ? {} : { branch }),
  ...(id === undefined ? {} : { id }),
});

const validate = (nodes: WorkflowNode[], edges: WorkflowEdge[]) =>
  validateWorkflowDefinition({ nodes, edges }, catalog);
const graphErrors = (nodes: WorkflowNode[], edges: WorkflowEdge[]) => validate(nodes, edges).graphErrors;
const codes = (errors: GraphError[]) => errors.map((error) => error.code);
const valid = { configErrors: [], graphErrors: [] };

// start → check ─true→ yes ─┐
//                └false→ no ─┴→ join
const branching = {
  nodes: [trigger(), condition('check'), transform('yes'), transform('no'), transform('join')],
  edges: [
    edge('start', 'check'),
    edge('check', 'yes', 'true'),
    edge('check', 'no', 'false'),
    edge('yes', 'join'),
    edge('no', 'join'),
  ],
};

describe('validateWorkflowDefinition', () => {
  describe('valid definitions', () => {
    it('accepts a branching graph with a join', () => {
      expect(validate(branching.nodes, branching.edges)).toEqual(valid);
    });

    it('accepts a lone trigger', () => {
      expect(validate([trigger()], [])).toEqual(valid);
    });

    it('accepts every node type, several triggers and both outputs of a wait', () => {
      const nodes: WorkflowNode[] = [
        trigger('manual'),
        trigger('hook', 'trigger.webhook'),
        {
          id: 'channel',
          type: 'trigger.channel',
          config: { channelId: '3f0c1f0e-7a52-4a0e-a0a5-6d1c1b8f2a10', event: 'message' },
        },
        {
          id: 'call',
          type: 'action.http',
          config: { method: 'POST', url: 'https://example.com/hook', body: { id: '{{ execution.id }}' } },
        },
        wait('pause'),
        { id: 'tag', type: 'contact.update', config: { fields: { tier: 'gold' } } },
        transform('late'),
      ];
      const edges = [
        edge('manual', 'call'),
        edge('hook', 'call'),
        edge('channel', 'call'),
        edge('call', 'pause'),
        edge('pause', 'tag'),
        edge('pause', 'late', 'timeout'),
      ];
      expect(validate(nodes, edges)).toEqual(valid);
    });

    it('accepts both branches of a condition leading to the same node', () => {
      expect(
        graphErrors(
          [trigger(), condition('check'), transform('a')],
          [edge('start', 'check'), edge('check', 'a', 'true'), edge('check', 'a', 'false')],
        ),
      ).toEqual([]);
    });

    it('accepts nodes no edge reaches (they never run)', () => {
      expect(graphErrors([trigger(), transform('island')], [])).toEqual([]);
    });
  });

  describe('config errors (400)', () => {
    it('reports an unknown node type on nodes[i].type, naming the node and the known types', () => {
      const { configErrors } = validate(
        [trigger(), { id: 'mystery', type: 'teleport', config: {} }],
        [edge('start', 'mystery')],
      );
      expect(configErrors).toEqual([
        {
          field: 'nodes[1].type',
          message: expect.stringMatching(
            /^node "mystery": unknown node type "teleport" \(known types: action\.http, condition, contact\.update,/,
          ),
        },
      ]);
    });

    it('reports a duplicate node id on the later node, naming the earlier one', () => {
      const { configErrors } = validate([trigger(), transform('a'), transform('b'), transform('a')], []);
      expect(configErrors).toEqual([{ field: 'nodes[3].id', message: 'node "a": the id is already used by nodes[1]' }]);
    });

    it('reports a bad config on nodes[i].config.<path>, naming the node', () => {
      const { configErrors } = validate(
        [
          trigger(),
          { id: 'check', type: 'condition', config: { expr: 1 } },
          { id: 'pause', type: 'wait', config: { mode: 'interval', seconds: -1 } },
        ],
        [],
      );
      expect(configErrors).toEqual([
        { field: 'nodes[1].config.expression', message: 'node "check": config.expression is required' },
        { field: 'nodes[1].config.expr', message: 'node "check": config.expr is not allowed' },
        {
          field: 'nodes[2].config.seconds',
          message: expect.stringMatching(/^node "pause": config\.seconds must be a number of seconds above 0/),
        },
      ]);
    });

    it('reports a literal non-http URL on the node url field', () => {
      const { configErrors } = validate(
        [trigger(), { id: 'call', type: 'action.http', config: { method: 'GET', url: 'ftp://example.com/x' } }],
        [edge('start', 'call')],
      );
      expect(configErrors).toEqual([
        {
          field: 'nodes[1].config.url',
          message: expect.stringMatching(/^node "call": config\.url must be an absolute http\(s\) URL/),
        },
      ]);
    });

    it('reports every node at once, and graph errors beside config errors', () => {
      const result = validate(
        [transform('a'), { id: 'b', type: 'nope', config: {} }, { id: 'c', type: 'transform', config: {} }],
        [edge('a', 'ghost')],
      );
      expect(result.configErrors.map((error) => error.field)).toEqual(['nodes[1].type', 'nodes[2].config.set']);
      expect(codes(result.graphErrors)).toEqual(['dangling_edge', 'no_trigger']);
    });

    it('skips the branch rules of an unknown type', () => {
      expect(
        graphErrors(
          [trigger(), { id: 'x', type: 'nope', config: {} }, transform('a')],
          [edge('start', 'x'), edge('x', 'a', 'whatever')],
        ),
      ).toEqual([]);
    });
  });

  describe('graph errors (422)', () => {
    it('reports an edge to a missing node, naming the edge and the node', () => {
      expect(graphErrors([trigger()], [edge('start', 'ghost', undefined, 'e1')])).toEqual([
        { code: 'dangling_edge', message: 'edge "e1" (start → ghost) references node "ghost", which does not exist' },
      ]);
    });

    it('reports an edge from a missing node and an edge between two missing nodes', () => {
      expect(graphErrors([trigger()], [edge('ghost', 'start'), edge('x', 'y')])).toEqual([
        { code: 'dangling_edge', message: 'edges[0] (ghost → start) references node "ghost", which does not exist' },
        { code: 'dangling_edge', message: 'edges[1] (x → y) references node "x" and node "y", which do not exist' },
      ]);
    });

    it('reports a cycle naming only the nodes on it', () => {
      const nodes = [trigger(), transform('a'), transform('b'), transform('c'), transform('after')];
      const edges = [edge('start', 'a'), edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'after')];
      expect(graphErrors(nodes, edges)).toEqual([
        {
          code: 'cycle',
          message: 'nodes "a", "b", "c" form a cycle ("a" → "b" → "c" → "a"); workflows must not loop back',
        },
      ]);
    });

    it('reports each separate cycle', () => {
      const nodes = [trigger(), transform('a'), transform('b'), transform('x'), transform('y')];
      const edges = [
        edge('start', 'a'),
        edge('a', 'b'),
        edge('b', 'a'),
        edge('start', 'x'),
        edge('x', 'y'),
        edge('y', 'x'),
      ];
      expect(graphErrors(nodes, edges)).toEqual([
        { code: 'cycle', message: expect.stringContaining('nodes "a", "b" form a cycle') },
        { code: 'cycle', message: expect.stringContaining('nodes "x", "y" form a cycle') },
      ]);
    });

    it('reports a cycle through a condition branch', () => {
      const nodes = [trigger(), condition('check'), transform('retry')];
      const edges = [edge('start', 'check'), edge('check', 'retry', 'false'), edge('retry', 'check')];
      expect(codes(graphErrors(nodes, edges))).toEqual(['cycle']);
    });

    it('reports a self-loop as a cycle naming the node', () => {
      expect(graphErrors([trigger(), transform('a')], [edge('start', 'a'), edge('a', 'a')])).toEqual([
        { code: 'cycle', message: 'edges[1] (a → a) connects node "a" to itself, making a cycle' },
      ]);
    });

    it('does not mistake a diamond for a cycle', () => {
      const nodes = [trigger(), transform('a'), transform('b'), transform('c'), transform('d')];
      expect(
        graphErrors(nodes, [
          edge('start', 'a'),
          edge('a', 'b'),
          edge('a', 'c'),
          edge('b', 'd'),
          edge('c', 'd'),
          edge('a', 'd'),
        ]),
      ).toEqual([]);
    });

    it('reports a workflow without a trigger, listing the trigger types', () => {
      expect(graphErrors([transform('a')], [])).toEqual([
        {
          code: 'no_trigger',
          message: 'the workflow has no trigger node; add one of type trigger.channel, trigger.manual, trigger.webhook',
        },
      ]);
      expect(graphErrors([], [])).toEqual([expect.objectContaining({ code: 'no_trigger' })]);
    });

    it('reports an edge into a trigger, naming the trigger', () => {
      expect(graphErrors([trigger(), transform('a')], [edge('start', 'a'), edge('a', 'start')])).toContainEqual({
        code: 'trigger_has_incoming_edge',
        message: 'edges[1] (a → start) leads into trigger node "start"; a trigger cannot have incoming edges',
      });
      expect(codes(graphErrors([trigger('one'), trigger('two', 'trigger.webhook')], [edge('one', 'two')]))).toEqual([
        'trigger_has_incoming_edge',
      ]);
    });

    it('reports a branch on a node type without named outputs', () => {
      expect(
        graphErrors([trigger(), transform('a'), transform('b')], [edge('start', 'a'), edge('a', 'b', 'maybe')]),
      ).toEqual([
        {
          code: 'unknown_branch',
          message:
            'edges[1] (a → b, branch "maybe") uses branch "maybe", but node "a" (transform) has only its default output',
        },
      ]);
    });

    it('reports a branch a condition does not have', () => {
      expect(
        graphErrors(
          [trigger(), condition('check'), transform('b')],
          [edge('start', 'check'), edge('check', 'b', 'maybe')],
        ),
      ).toEqual([
        {
          code: 'unknown_branch',
          message:
            'edges[1] (check → b, branch "maybe") uses branch "maybe", but node "check" (condition) has the outputs "true", "false"',
        },
      ]);
    });

    it('reports a condition edge without a branch', () => {
      expect(
        graphErrors([trigger(), condition('check'), transform('b')], [edge('start', 'check'), edge('check', 'b')]),
      ).toEqual([
        {
          code: 'unknown_branch',
          message: 'edges[1] (check → b) needs a branch: node "check" (condition) has only the outputs "true", "false"',
        },
      ]);
    });

    it('accepts a wait edge with the timeout branch or none, and refuses another branch', () => {
      const nodes = [trigger(), wait('pause'), transform('ok'), transform('late'), transform('odd')];
      expect(
        graphErrors(nodes, [edge('start', 'pause'), edge('pause', 'ok'), edge('pause', 'late', 'timeout')]),
      ).toEqual([]);
      expect(graphErrors(nodes, [edge('start', 'pause'), edge('pause', 'odd', 'expired')])).toEqual([
        {
          code: 'unknown_branch',
          message:
            'edges[1] (pause → odd, branch "expired") uses branch "expired", but node "pause" (wait) has the outputs "timeout" and its default output',
        },
      ]);
    });

    it('reports any edge leaving a node type without outputs', () => {
      const withStop = new NodeTypeCatalog();
      for (const definition of coreNodeTypes) withStop.register(definition);
      withStop.register({
        type: 'stop',
        role: 'step',
        configSchema: { type: 'object' },
        branches: [],
        defaultOutput: false,
      });
      const nodes = [trigger(), { id: 'end', type: 'stop', config: {} }, transform('a')];
      expect(validateWorkflowDefinition({ nodes, edges: [edge('start', 'end')] }, withStop).graphErrors).toEqual([]);
      expect(
        validateWorkflowDefinition({ nodes, edges: [edge('start', 'end'), edge('end', 'a')] }, withStop).graphErrors,
      ).toEqual([{ code: 'unknown_branch', message: 'edges[1] (end → a): node "end" (stop) has no outputs' }]);
    });

    it('reports an edge listed twice', () => {
      expect(
        graphErrors(
          [trigger(), transform('a')],
          [edge('start', 'a', undefined, 'e1'), edge('start', 'a', undefined, 'e2')],
        ),
      ).toEqual([{ code: 'duplicate_edge', message: 'edge "e2" (start → a) repeats edge "e1" (start → a)' }]);
      expect(
        codes(
          graphErrors(
            [trigger(), condition('c'), transform('a')],
            [edge('start', 'c'), edge('c', 'a', 'true'), edge('c', 'a', 'true')],
          ),
        ),
      ).toEqual(['duplicate_edge']);
    });

    it('reports an edge id used twice', () => {
      expect(
        graphErrors(
          [trigger(), transform('a'), transform('b')],
          [edge('start', 'a', undefined, 'e1'), edge('a', 'b', undefined, 'e1')],
        ),
      ).toEqual([{ code: 'duplicate_edge', message: 'edge "e1" (a → b) uses the id of edge "e1" (start → a)' }]);
    });

    it('names the offending node or edge in every message', () => {
      const nodes = [trigger(), condition('check'), transform('loop1'), transform('loop2')];
      const edges = [
        edge('start', 'check', 'nope'),
        edge('check', 'loop1'),
        edge('loop1', 'loop2'),
        edge('loop2', 'loop1'),
        edge('loop2', 'start'),
        edge('start', 'missing'),
      ];
      const errors = graphErrors(nodes, edges);
      expect(codes(errors).sort()).toEqual([
        'cycle',
        'dangling_edge',
        'trigger_has_incoming_edge',
        'unknown_branch',
        'unknown_branch',
      ]);
      for (const error of errors) expect(error.message).toMatch(/"(start|check|loop1|loop2|missing)"/);
    });
  });

  describe('large graphs', () => {
    const chain = (length: number) => {
      const nodes = [trigger(), ...Array.from({ length: length - 1 }, (_, i) => transform(`n${i}`))];
      return { nodes, edges: nodes.slice(1).map((node, i) => edge(nodes[i].id, node.id)) };
    };

    it('validates a 5,000-node chain', () => {
      const { nodes, edges } = chain(5000);
      expect(validate(nodes, edges)).toEqual(valid);
    });

    it('finds a cycle closing a 10,000-node chain without deep recursion, with a short message', () => {
      const { nodes, edges } = chain(10_000);
      const errors = graphErrors(nodes, [...edges, edge('n9998', 'n0')]);
      expect(codes(errors)).toEqual(['cycle']);
      expect(errors[0].message).toMatch(
        /^nodes "n0", "n1", .* \(9979 more\) form a cycle \("n0" → "n1" → .*\(9980 more\)\)/,
      );
      expect(errors[0].message.length).toBeLessThan(1000);
    });
  });
});

describe('WorkflowGraph', () => {
  const graph = new WorkflowGraph(branching.nodes, branching.edges);

  it('answers nodes by id', () => {
    expect(graph.node('check')?.type).toBe('condition');
    expect(graph.node('ghost')).toBeUndefined();
    expect(graph.hasNode('join')).toBe(true);
    expect(graph.hasNode('ghost')).toBe(false);
  });

  it('answers successors by branch, the default output when no branch is given', () => {
    expect(graph.successors('check', 'true')).toEqual(['yes']);
    expect(graph.successors('check', 'false')).toEqual(['no']);
    expect(graph.successors('check')).toEqual([]);
    expect(graph.successors('start')).toEqual(['check']);
    expect(graph.successors('join')).toEqual([]);
    expect(graph.successors('ghost')).toEqual([]);
  });

  it('answers predecessors whatever the branch', () => {
    expect(graph.predecessors('join')).toEqual(['yes', 'no']);
    expect(graph.predecessors('yes')).toEqual(['check']);
    expect(graph.predecessors('start')).toEqual([]);
  });

  it('lists the edges in and out of a node', () => {
    expect(graph.outgoingEdges('check')).toEqual([edge('check', 'yes', 'true'), edge('check', 'no', 'false')]);
    expect(graph.incomingEdges('join')).toEqual([edge('yes', 'join'), edge('no', 'join')]);
  });

  it('lists the trigger nodes', () => {
    const multi = new WorkflowGraph(
      [transform('a'), trigger('one'), trigger('two', 'trigger.webhook')],
      [edge('one', 'a'), edge('two', 'a')],
    );
    expect(multi.triggerNodes().map((node) => node.id)).toEqual(['one', 'two']);
    expect(new WorkflowGraph([transform('a')], []).triggerNodes()).toEqual([]);
  });

  it('orders nodes topologically, once', () => {
    const order = graph.topologicalOrder();
    expect(order.cyclic).toEqual([]);
    expect(order.order).toEqual(['start', 'check', 'yes', 'no', 'join']);
    expect(graph.topologicalOrder()).toBe(order);
  });

  it('leaves nodes on and behind a cycle out of the order', () => {
    const cyclic = new WorkflowGraph(
      [trigger(), transform('a'), transform('b'), transform('after')],
      [edge('start', 'a'), edge('a', 'b'), edge('b', 'a'), edge('b', 'after')],
    );
    expect(cyclic.topologicalOrder()).toEqual({ order: ['start'], cyclic: ['a', 'b', 'after'] });
    expect(cyclic.cycles()).toEqual([{ nodes: ['a', 'b'], loop: ['a', 'b', 'a'] }]);
  });

  it('finds the shortest loop through the first node of a cycle', () => {
    const nodes = ['a', 'b', 'c', 'd'].map(transform);
    const cyclic = new WorkflowGraph(nodes, [
      edge('a', 'b'),
      edge('b', 'c'),
      edge('c', 'd'),
      edge('d', 'a'),
      edge('b', 'a'),
    ]);
    expect(cyclic.cycles()).toEqual([{ nodes: ['a', 'b', 'c', 'd'], loop: ['a', 'b', 'a'] }]);
    expect(new WorkflowGraph([transform('a')], [edge('a', 'a')]).cycles()).toEqual([
      { nodes: ['a'], loop: ['a', 'a'] },
    ]);
    expect(graph.cycles()).toEqual([]);
  });

  it('ignores edges to missing nodes and keeps the first of duplicate nodes', () => {
    const odd = new WorkflowGraph(
      [trigger(), transform('a'), { ...transform('a'), name: 'second' }],
      [edge('start', 'a'), edge('start', 'ghost'), edge('ghost', 'a')],
    );
    expect(odd.successors('start')).toEqual(['a']);
    expect(odd.predecessors('a')).toEqual(['start']);
    expect(odd.node('a')?.name).toBeUndefined();
    expect(odd.topologicalOrder()).toEqual({ order: ['start', 'a'], cyclic: [] });
    expect(odd.edges).toHaveLength(3);
  });
});
