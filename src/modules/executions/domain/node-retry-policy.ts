import type { WorkflowNode } from '../../workflows/index.js';

export interface NodeRetryPolicy {
  maxAttempts: number;
  backoffMs: number;
  /** Longest wait between attempts (action.http `retry.maxDelayMs`); default 60 s. */
  maxDelayMs?: number;
}

export const DEFAULT_NODE_RETRY: NodeRetryPolicy = { maxAttempts: 3, backoffMs: 1000 };

/** The node's `retry` config over the defaults (3 attempts, exponential backoff from 1 s). */
export function retryPolicyOf(node: WorkflowNode): NodeRetryPolicy {
  const retry = (node.config.retry ?? {}) as Partial<NodeRetryPolicy> & { initialDelayMs?: number };
  return {
    maxAttempts: retry.maxAttempts ?? DEFAULT_NODE_RETRY.maxAttempts,
    backoffMs: retry.backoffMs ?? retry.initialDelayMs ?? DEFAULT_NODE_RETRY.backoffMs,
    ...(retry.maxDelayMs !== undefined ? { maxDelayMs: retry.maxDelayMs } : {}),
  };
}
