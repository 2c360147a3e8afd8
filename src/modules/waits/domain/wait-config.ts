import type { WorkflowNode } from '../../workflows/index.js';

export const DEFAULT_TIMEOUT_HOURS = 24;

/** A `wait` node's config, as its schema (wait.node-type.ts) guarantees it once the workflow is saved. */
export type WaitConfig =
  { mode: 'webhook'; timeoutHours?: number } | { mode: 'interval'; seconds: number } | { mode: 'until'; at: string };

export function waitConfigOf(node: Pick<WorkflowNode, 'config'>): WaitConfig {
  return node.config as unknown as WaitConfig;
}

/** `wait` nodes that get a resume URL when their execution starts. */
export function webhookWaitNodeIds(nodes: readonly WorkflowNode[]): string[] {
  return nodes.filter((node) => node.type === 'wait' && waitConfigOf(node).mode === 'webhook').map((node) => node.id);
}

export function timeoutMs(config: { timeoutHours?: number }): number {
  return Math.round((config.timeoutHours ?? DEFAULT_TIMEOUT_HOURS) * 3_600_000);
}
