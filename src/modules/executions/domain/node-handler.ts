import type { WorkflowNode } from '../../workflows/index.js';

/** What templates see: `{{ trigger.body.x }}`, `{{ nodes.n1.output }}`, `{{ contact.fields.tier }}`, `{{ execution.id }}`. */
export interface ExpressionContext {
  trigger: unknown;
  nodes: Record<string, { output: unknown }>;
  contact: { id: string; fields: Record<string, unknown>; [key: string]: unknown } | null;
  execution: { id: string; workflowId: string; workflowVersion: number };
}

export interface NodeRunContext {
  tenantId: string;
  executionId: string;
  workflowId: string;
  node: WorkflowNode;
  /** 1-based attempt number of this run of the node. */
  attempt: number;
  maxAttempts: number;
  correlationId: string | undefined;
  context: ExpressionContext;
  /** Extra `$` bindings for templates, e.g. `$execution.<waitNodeId>.resume_url`. */
  bindings: Record<string, unknown>;
  /** The execution's trigger input (the trigger node's output). */
  triggerInput: unknown;
}

export type NodeResult =
  /** Done: `output` is recorded, `branch` picks the outgoing edges (undefined: the default output). */
  | { kind: 'completed'; output: unknown; branch?: string; input?: unknown }
  /** Suspended until something resumes the node (a resume URL, a timer); nothing is held meanwhile. */
  | { kind: 'waiting'; output?: unknown; input?: unknown }
  /** Not run now: try again after `delayMs` without using up an attempt (rate limit, open circuit). */
  | { kind: 'deferred'; delayMs: number; reason: string };

/** Runtime behaviour of one node type; modules register theirs with the NodeHandlerRegistry. */
export interface NodeHandler {
  readonly type: string;
  run(context: NodeRunContext): Promise<NodeResult>;
}
