import { ExpressionError } from './expression-error.js';

const YIELD_INTERVAL_MS = 10;

export interface EvaluationLimits {
  /** Wall time for one render/renderDeep call, all of its expressions together. */
  readonly timeoutMs: number;
  /** UTF-8 bytes of everything one call produces (serialized JSON for objects and arrays). */
  readonly maxResultBytes: number;
  /** Longest array any step may produce (JSONata sequences, ranges, `$split` results, …). */
  readonly maxSequenceLength: number;
}

/**
 * The time and size allowance of one render/renderDeep call. JSONata calls back into it before and
 * after every step of every expression of that call, so a runaway expression is stopped between
 * steps; the output of the call is charged against the byte allowance as it is produced.
 */
export class EvaluationBudget {
  readonly deadline: number;
  private remainingBytes: number;
  private lastYieldAt: number;

  constructor(
    readonly limits: EvaluationLimits,
    startedAt: number = Date.now(),
  ) {
    this.deadline = startedAt + limits.timeoutMs;
    this.remainingBytes = limits.maxResultBytes;
    this.lastYieldAt = startedAt;
  }

  checkTime(): void {
    this.throwIfLate(Date.now());
  }

  /**
   * checkTime for the step hook. JSONata's steps are chained promises that never leave the
   * microtask queue, so a long evaluation would hold the event loop (I/O, timers, queue lock
   * renewals) until it ends; every YIELD_INTERVAL_MS it is parked for one turn of the loop instead.
   */
  checkpoint(): Promise<void> | undefined {
    const now = Date.now();
    this.throwIfLate(now);
    if (now - this.lastYieldAt < YIELD_INTERVAL_MS) return undefined;
    this.lastYieldAt = now;
    return new Promise((resolve) => setImmediate(resolve));
  }

  private throwIfLate(now: number): void {
    if (now > this.deadline) {
      throw new ExpressionError({ reason: 'timeout', detail: `exceeded the ${this.limits.timeoutMs} ms evaluation limit` });
    }
  }

  /** Bounds intermediate values: no string or array on the way may be larger than the final result may be. */
  checkIntermediate(value: unknown): void {
    if (typeof value === 'string') {
      if (value.length > this.limits.maxResultBytes) {
        throw new ExpressionError({
          reason: 'too_large',
          detail: `a string of ${value.length} characters exceeds the ${this.limits.maxResultBytes} byte limit`,
        });
      }
    } else if (Array.isArray(value) && value.length > this.limits.maxSequenceLength) {
      throw new ExpressionError({
        reason: 'too_large',
        detail: `an array of ${value.length} items exceeds the ${this.limits.maxSequenceLength} item limit`,
      });
    }
  }

  /** Charges `text` (UTF-8) against the output allowance. */
  chargeText(text: string): void {
    // Every UTF-16 unit encodes to at least one byte, so a long string fails without being measured.
    const bytes = text.length > this.remainingBytes ? text.length : Buffer.byteLength(text, 'utf8');
    if (bytes > this.remainingBytes) {
      throw new ExpressionError({
        reason: 'too_large',
        detail: `the result exceeds the ${this.limits.maxResultBytes} byte limit`,
      });
    }
    this.remainingBytes -= bytes;
  }
}
