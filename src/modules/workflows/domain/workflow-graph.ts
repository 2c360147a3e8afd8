import type { FieldError } from '../../../platform/errors/domain-error.js';
import type { NodeTypeCatalog } from './node-type-catalog.js';

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
  branch?: string;
}

export interface GraphError {
  code: 'dangling_edge' | 'cycle' | 'no_trigger' | 'trigger_has_incoming_edge' | 'unknown_branch' | 'duplicate_edge';
  message: string;
}

export interface DefinitionErrors {
  /** Unknown types, duplicate ids, configs that fail their schema: answered 400. */
  configErrors: FieldError[];
  /** Broken graph rules: answered 422. */
  graphErrors: GraphError[];
}

/** Read-only view of a workflow graph with the lookups the validator and the engine need. */
export class WorkflowGraph {
  private readonly nodesById = new Map<string, WorkflowNode>();
  private readonly outgoing = new Map<string, WorkflowEdge[]>();
  private readonly incoming = new Map<string, WorkflowEdge[]>();

  constructor(
    readonly nodes: readonly WorkflowNode[],
    readonly edges: readonly WorkflowEdge[],
  ) {
    for (const node of nodes) {
      this.nodesById.set(node.id, node);
      this.outgoing.set(node.id, []);
      this.incoming.set(node.id, []);
    }
    for (const edge of edges) {
      this.outgoing.get(edge.source)?.push(edge);
      this.incoming.get(edge.target)?.push(edge);
    }
  }

  node(id: string): WorkflowNode | undefined {
    return this.nodesById.get(id);
  }

  outgoingEdges(nodeId: string): readonly WorkflowEdge[] {
    return this.outgoing.get(nodeId) ?? [];
  }

  incomingEdges(nodeId: string): readonly WorkflowEdge[] {
    return this.incoming.get(nodeId) ?? [];
  }

  /** Nodes reached from `nodeId` through its edges that carry `branch` (undefined: the default output). */
  successors(nodeId: string, branch?: string): string[] {
    return this.outgoingEdges(nodeId)
      .filter((edge) => edge.branch === branch)
      .map((edge) => edge.target);
  }

  predecessors(nodeId: string): string[] {
    return this.incomingEdges(nodeId).map((edge) => edge.source);
  }

  /** Kahn's algorithm; the ids left out (on or behind a cycle) are returned as `cyclic`. */
  topologicalOrder(): { order: string[]; cyclic: string[] } {
    const inDegree = new Map<string, number>();
    for (const node of this.nodes) inDegree.set(node.id, this.incomingEdges(node.id).filter((edge) => this.nodesById.has(edge.source)).length);
    const queue = this.nodes.filter((node) => inDegree.get(node.id) === 0).map((node) => node.id);
    const order: string[] = [];
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i];
      order.push(id);
      for (const edge of this.outgoingEdges(id)) {
        const remaining = (inDegree.get(edge.target) ?? 0) - 1;
        inDegree.set(edge.target, remaining);
        if (remaining === 0) queue.push(edge.target);
      }
    }
    const placed = new Set(order);
    return { order, cyclic: this.nodes.filter((node) => !placed.has(node.id)).map((node) => node.id) };
  }
}

/** All definition-time checks of a workflow: node configs (400) and graph rules (422). */
export function validateWorkflowDefinition(definition: { nodes: WorkflowNode[]; edges: WorkflowEdge[] }, catalog: NodeTypeCatalog): DefinitionErrors {
  const configErrors = validateNodes(definition.nodes, catalog);
  if (configErrors.length > 0) return { configErrors, graphErrors: [] };
  return { configErrors: [], graphErrors: validateGraph(new WorkflowGraph(definition.nodes, definition.edges), catalog) };
}

function validateNodes(nodes: WorkflowNode[], catalog: NodeTypeCatalog): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  nodes.forEach((node, index) => {
    if (seen.has(node.id)) errors.push({ field: `nodes[${index}].id`, message: `node "${node.id}": the id is used by another node` });
    seen.add(node.id);
    for (const error of catalog.validateConfig(node.type, node.config)) {
      const field = error.field === 'type' ? `nodes[${index}].type` : `nodes[${index}].${error.field}`;
      errors.push({ field, message: `node "${node.id}": ${error.field === 'type' ? error.message : `${error.field} ${error.message}`}` });
    }
  });
  return errors;
}

function validateGraph(graph: WorkflowGraph, catalog: NodeTypeCatalog): GraphError[] {
  const errors: GraphError[] = [];
  const edgeKeys = new Set<string>();
  graph.edges.forEach((edge, index) => {
    const label = `edge ${edge.id ?? `#${index}`} (${edge.source} → ${edge.target})`;
    const missing = [edge.source, edge.target].filter((id) => !graph.node(id));
    if (missing.length > 0) {
      errors.push({ code: 'dangling_edge', message: `${label} references unknown node ${missing.map((id) => `"${id}"`).join(' and ')}` });
      return;
    }
    const key = `${edge.source}\u0000${edge.target}\u0000${edge.branch ?? ''}`;
    if (edgeKeys.has(key)) errors.push({ code: 'duplicate_edge', message: `${label} is listed twice` });
    edgeKeys.add(key);
    const source = catalog.get(graph.node(edge.source)!.type)!;
    if (edge.branch === undefined && !source.defaultOutput) {
      errors.push({ code: 'unknown_branch', message: `${label} needs a branch: node "${edge.source}" has outputs ${source.branches.join(', ')}` });
    } else if (edge.branch !== undefined && !source.branches.includes(edge.branch)) {
      const known = source.branches.length > 0 ? `its outputs are ${source.branches.join(', ')}` : 'it has no named outputs';
      errors.push({ code: 'unknown_branch', message: `${label}: node "${edge.source}" has no branch "${edge.branch}"; ${known}` });
    }
    if (catalog.get(graph.node(edge.target)!.type)?.role === 'trigger') {
      errors.push({ code: 'trigger_has_incoming_edge', message: `${label}: trigger node "${edge.target}" cannot have incoming edges` });
    }
  });
  if (!graph.nodes.some((node) => catalog.get(node.type)?.role === 'trigger')) {
    errors.push({ code: 'no_trigger', message: 'the workflow needs at least one trigger node (trigger.manual, trigger.webhook or trigger.channel)' });
  }
  const { cyclic } = graph.topologicalOrder();
  if (cyclic.length > 0) errors.push({ code: 'cycle', message: `the graph has a cycle through nodes ${cyclic.map((id) => `"${id}"`).join(', ')}` });
  return errors;
}
