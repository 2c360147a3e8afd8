import type { FieldError } from '../../../platform/errors/domain-error.js';
import type { NodeTypeCatalog } from './node-type-catalog.js';
import { hasDefaultOutput, isTriggerType } from './node-type-definition.js';

export interface WorkflowNode {
  id: string;
  type: string;
  name?: string;
  config: Record<string, unknown>;
  position?: { x: number; y: number };
}

export interface WorkflowEdge {
  id?: string;
  source: string;
  target: string;
  /** The named output of the source this edge leaves from; absent: its default output. */
  branch?: string;
}

export type GraphErrorCode =
  'dangling_edge' | 'cycle' | 'no_trigger' | 'trigger_has_incoming_edge' | 'unknown_branch' | 'duplicate_edge';

export interface GraphError {
  code: GraphErrorCode;
  message: string;
}

export interface DefinitionErrors {
  /** Unknown types, duplicate node ids, configs that fail their schema: answered 400. */
  configErrors: FieldError[];
  /** Broken graph rules: answered 422. */
  graphErrors: GraphError[];
}

export interface TopologicalOrder {
  /** Every node not on or behind a cycle, each after all its predecessors. */
  readonly order: readonly string[];
  /** Nodes left out of `order` (on a cycle or downstream of one); empty for a valid graph. */
  readonly cyclic: readonly string[];
}

/**
 * Read-only view of a workflow graph with the lookups the validator and the engine need. Edges whose
 * source or target is not a node are kept in `edges` but left out of every lookup; with duplicate
 * node ids, the first node wins. Everything is iterative: deep graphs cannot overflow the stack.
 */
export class WorkflowGraph {
  private readonly nodesById = new Map<string, WorkflowNode>();
  private readonly outgoing = new Map<string, WorkflowEdge[]>();
  private readonly incoming = new Map<string, WorkflowEdge[]>();
  private topological?: TopologicalOrder;

  constructor(
    readonly nodes: readonly WorkflowNode[],
    readonly edges: readonly WorkflowEdge[],
  ) {
    for (const node of nodes) {
      if (this.nodesById.has(node.id)) continue;
      this.nodesById.set(node.id, node);
      this.outgoing.set(node.id, []);
      this.incoming.set(node.id, []);
    }
    for (const edge of edges) {
      const out = this.outgoing.get(edge.source);
      const into = this.incoming.get(edge.target);
      if (!out || !into) continue;
      out.push(edge);
      into.push(edge);
    }
  }

  node(id: string): WorkflowNode | undefined {
    return this.nodesById.get(id);
  }

  hasNode(id: string): boolean {
    return this.nodesById.has(id);
  }

  outgoingEdges(nodeId: string): readonly WorkflowEdge[] {
    return this.outgoing.get(nodeId) ?? [];
  }

  incomingEdges(nodeId: string): readonly WorkflowEdge[] {
    return this.incoming.get(nodeId) ?? [];
  }

  /** Targets of the edges leaving `nodeId` from output `branch` (undefined: the default output). */
  successors(nodeId: string, branch?: string): string[] {
    const targets = new Set<string>();
    for (const edge of this.outgoingEdges(nodeId)) if (edge.branch === branch) targets.add(edge.target);
    return [...targets];
  }

  /** Sources of the edges entering `nodeId`, whatever their branch. */
  predecessors(nodeId: string): string[] {
    return [...new Set(this.incomingEdges(nodeId).map((edge) => edge.source))];
  }

  /** Nodes whose type is a trigger type (`trigger.*`), in definition order. */
  triggerNodes(): WorkflowNode[] {
    return [...this.nodesById.values()].filter((node) => isTriggerType(node.type));
  }

  /** Kahn's algorithm, ties kept in definition order; computed once (the graph never changes). */
  topologicalOrder(): TopologicalOrder {
    if (this.topological) return this.topological;
    const inDegree = new Map<string, number>();
    for (const id of this.nodesById.keys()) inDegree.set(id, this.incomingEdges(id).length);
    const order: string[] = [];
    for (const [id, degree] of inDegree) if (degree === 0) order.push(id);
    for (let i = 0; i < order.length; i++) {
      for (const edge of this.outgoingEdges(order[i])) {
        const remaining = inDegree.get(edge.target)! - 1;
        inDegree.set(edge.target, remaining);
        if (remaining === 0) order.push(edge.target);
      }
    }
    const placed = new Set(order);
    const cyclic = [...this.nodesById.keys()].filter((id) => !placed.has(id));
    this.topological = Object.freeze({ order: Object.freeze(order), cyclic: Object.freeze(cyclic) });
    return this.topological;
  }

  /**
   * The cycles of the graph, one per strongly connected component that has one: the component's
   * nodes in definition order, and one concrete loop through its first node (`[a, b, a]`).
   */
  cycles(): { nodes: string[]; loop: string[] }[] {
    const cycles: { nodes: string[]; loop: string[] }[] = [];
    const position = new Map([...this.nodesById.keys()].map((id, index) => [id, index]));
    for (const component of this.stronglyConnectedComponents()) {
      const [only] = component;
      if (component.length === 1 && !this.outgoingEdges(only).some((edge) => edge.target === only)) continue;
      const nodes = component.sort((a, b) => position.get(a)! - position.get(b)!);
      cycles.push({ nodes, loop: this.loopThrough(nodes[0], new Set(nodes)) });
    }
    return cycles.sort((a, b) => position.get(a.nodes[0])! - position.get(b.nodes[0])!);
  }

  /** Tarjan's algorithm with an explicit stack. */
  private stronglyConnectedComponents(): string[][] {
    const index = new Map<string, number>();
    const lowLink = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    const components: string[][] = [];
    let next = 0;
    for (const root of this.nodesById.keys()) {
      if (index.has(root)) continue;
      // Each frame: a node and how many of its outgoing edges were explored.
      const frames: { id: string; edge: number }[] = [{ id: root, edge: 0 }];
      index.set(root, next);
      lowLink.set(root, next++);
      stack.push(root);
      onStack.add(root);
      while (frames.length > 0) {
        const frame = frames[frames.length - 1];
        const edges = this.outgoingEdges(frame.id);
        if (frame.edge < edges.length) {
          const target = edges[frame.edge++].target;
          if (!index.has(target)) {
            index.set(target, next);
            lowLink.set(target, next++);
            stack.push(target);
            onStack.add(target);
            frames.push({ id: target, edge: 0 });
          } else if (onStack.has(target)) {
            lowLink.set(frame.id, Math.min(lowLink.get(frame.id)!, index.get(target)!));
          }
          continue;
        }
        frames.pop();
        const parent = frames[frames.length - 1];
        if (parent) lowLink.set(parent.id, Math.min(lowLink.get(parent.id)!, lowLink.get(frame.id)!));
        if (lowLink.get(frame.id) === index.get(frame.id)) {
          const component: string[] = [];
          let member: string;
          do {
            member = stack.pop()!;
            onStack.delete(member);
            component.push(member);
          } while (member !== frame.id);
          components.push(component);
        }
      }
    }
    return components;
  }

  /** Shortest path from `start` back to itself within `within` (breadth-first). */
  private loopThrough(start: string, within: ReadonlySet<string>): string[] {
    const cameFrom = new Map<string, string>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const current = queue[i];
      for (const edge of this.outgoingEdges(current)) {
        if (!within.has(edge.target)) continue;
        if (edge.target === start) {
          const path = [start];
          for (let at = current; at !== start; at = cameFrom.get(at)!) path.push(at);
          path.push(start);
          return [start, ...path.slice(1, -1).reverse(), start];
        }
        if (!cameFrom.has(edge.target)) {
          cameFrom.set(edge.target, current);
          queue.push(edge.target);
        }
      }
    }
    return [start];
  }
}

/**
 * All definition-time checks of a workflow: node types and configs (400) and graph rules (422).
 * Both lists are filled independently; graph checks skip what depends on an unknown node type.
 */
export function validateWorkflowDefinition(
  definition: { nodes: WorkflowNode[]; edges: WorkflowEdge[] },
  catalog: NodeTypeCatalog,
): DefinitionErrors {
  return {
    configErrors: validateNodes(definition.nodes, catalog),
    graphErrors: validateGraph(new WorkflowGraph(definition.nodes, definition.edges), catalog),
  };
}

function validateNodes(nodes: readonly WorkflowNode[], catalog: NodeTypeCatalog): FieldError[] {
  const errors: FieldError[] = [];
  const firstIndex = new Map<string, number>();
  nodes.forEach((node, index) => {
    const at = `nodes[${index}]`;
    const earlier = firstIndex.get(node.id);
    if (earlier !== undefined)
      errors.push({ field: `${at}.id`, message: `node "${node.id}": the id is already used by nodes[${earlier}]` });
    else firstIndex.set(node.id, index);
    if (!catalog.has(node.type)) {
      errors.push({
        field: `${at}.type`,
        message: `node "${node.id}": unknown node type "${node.type}" (known types: ${catalog.types().join(', ')})`,
      });
      return;
    }
    for (const error of catalog.validateConfig(node.type, node.config)) {
      errors.push({ field: `${at}.${error.field}`, message: `node "${node.id}": ${error.field} ${error.message}` });
    }
  });
  return errors;
}

function validateGraph(graph: WorkflowGraph, catalog: NodeTypeCatalog): GraphError[] {
  const errors: GraphError[] = [];
  const edgeByKey = new Map<string, string>();
  const edgeById = new Map<string, string>();
  graph.edges.forEach((edge, index) => {
    const label = edgeLabel(edge, index);
    if (edge.id !== undefined) {
      const earlier = edgeById.get(edge.id);
      if (earlier !== undefined) errors.push({ code: 'duplicate_edge', message: `${label} uses the id of ${earlier}` });
      else edgeById.set(edge.id, label);
    }
    const missing = [...new Set([edge.source, edge.target])].filter((id) => !graph.hasNode(id));
    if (missing.length > 0) {
      const which = missing.length === 1 ? 'which does not exist' : 'which do not exist';
      errors.push({
        code: 'dangling_edge',
        message: `${label} references ${missing.map((id) => `node "${id}"`).join(' and ')}, ${which}`,
      });
      return;
    }
    const key = JSON.stringify([edge.source, edge.target, edge.branch ?? null]);
    const twin = edgeByKey.get(key);
    if (twin !== undefined) errors.push({ code: 'duplicate_edge', message: `${label} repeats ${twin}` });
    else edgeByKey.set(key, label);

    if (edge.source === edge.target)
      errors.push({ code: 'cycle', message: `${label} connects node "${edge.source}" to itself, making a cycle` });

    const sourceNode = graph.node(edge.source)!;
    const sourceType = catalog.get(sourceNode.type);
    if (sourceType) {
      const named = sourceType.branches.map((branch) => `"${branch}"`).join(', ');
      if (edge.branch === undefined) {
        if (!hasDefaultOutput(sourceType)) {
          const message =
            named === ''
              ? `${label}: node "${edge.source}" (${sourceNode.type}) has no outputs`
              : `${label} needs a branch: node "${edge.source}" (${sourceNode.type}) has only the outputs ${named}`;
          errors.push({ code: 'unknown_branch', message });
        }
      } else if (!sourceType.branches.includes(edge.branch)) {
        const outputs =
          named === ''
            ? 'only its default output'
            : `the outputs ${named}${hasDefaultOutput(sourceType) ? ' and its default output' : ''}`;
        errors.push({
          code: 'unknown_branch',
          message: `${label} uses branch ${JSON.stringify(edge.branch)}, but node "${edge.source}" (${sourceNode.type}) has ${outputs}`,
        });
      }
    }
    const targetNode = graph.node(edge.target)!;
    if (catalog.get(targetNode.type)?.role === 'trigger') {
      errors.push({
        code: 'trigger_has_incoming_edge',
        message: `${label} leads into trigger node "${edge.target}"; a trigger cannot have incoming edges`,
      });
    }
  });

  if (!graph.nodes.some((node) => catalog.get(node.type)?.role === 'trigger')) {
    const triggerTypes = catalog.types().filter((type) => catalog.get(type)?.role === 'trigger');
    errors.push({
      code: 'no_trigger',
      message: `the workflow has no trigger node; add one of type ${triggerTypes.join(', ')}`,
    });
  }

  for (const cycle of graph.cycles()) {
    if (cycle.nodes.length === 1) continue; // a self-loop, reported with its edge above
    const loop = shortList(
      cycle.loop.map((id) => `"${id}"`),
      ' → ',
    );
    const names = shortList(
      cycle.nodes.map((id) => `"${id}"`),
      ', ',
    );
    errors.push({ code: 'cycle', message: `nodes ${names} form a cycle (${loop}); workflows must not loop back` });
  }
  return errors;
}

/** Long lists (a cycle through thousands of nodes) are cut so the message stays readable. */
function shortList(items: readonly string[], separator: string, limit = 20): string {
  if (items.length <= limit) return items.join(separator);
  return `${items.slice(0, limit).join(separator)}${separator}… (${items.length - limit} more)`;
}

function edgeLabel(edge: WorkflowEdge, index: number): string {
  const name = edge.id !== undefined ? `edge "${edge.id}"` : `edges[${index}]`;
  return `${name} (${edge.source} → ${edge.target}${edge.branch !== undefined ? `, branch ${JSON.stringify(edge.branch)}` : ''})`;
}
