import type { NodeError } from './domain/node-error.js';

export const NODE_BACKOFF = 'node';
export const DEFAULT_MAX_BACKOFF_MS = 60_000;

/**
 * BullMQ backoff strategy for node jobs: exponential from the node's `backoffMs`, with ±50 % jitter,
 * capped at the node's `maxDelayMs` (default 60 s), and never sooner than a Retry-After the error carried.
 */
export function nodeBackoff(
  attemptsMade: number,
  baseDelayMs: number,
  error: Error | undefined,
  random: () => number = Math.random,
  maxDelayMs: number = DEFAULT_MAX_BACKOFF_MS,
): number {
  const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attemptsMade - 1));
  const jittered = Math.min(maxDelayMs, Math.round(exponential * (0.5 + random())));
  const retryAfterMs = (error as NodeError | undefined)?.retryAfterMs ?? 0;
  return Math.max(jittered, retryAfterMs);
}
