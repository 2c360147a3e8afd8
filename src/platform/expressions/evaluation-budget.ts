import { ExpressionError } from './expression-error.js';

const YIELD_INTERVAL_MS = 10;
/**
 * Steps an evaluation runs before it shares the slice of a turn with the others: an ordinary
 * template takes a few dozen and is left alone, as before slices were shared.
 */
const SHARED_SLICE_AFTER_STEPS = 200;

/**
 * Evaluations share one slice of the event loop: a stretch of evaluation work starts at the first
 * checkpoint after the loop last came round, and once it is YIELD_INTERVAL_MS old the evaluations
 * that have run more than a few steps park at their next checkpoint, whichever evaluation used the
 * slice. With only a slice per evaluation, twenty evaluations resumed in one turn would hold
 * the loop for 200 ms.
 */
let stretchStartedAt = 0;
let stretchOpen = false;

function stretchStart(now: number): number {
  if (!stretchOpen) {
    stretchOpen = true;
    stretchStartedAt = now;
    // Runs once the loop reaches its check phase, i.e. after this stretch of synchronous work.
    setImmediate(closeStretch);
  }
  return stretchStartedAt;
}

function closeStretch(): void {
  stretchOpen = false;
}

export interface EvaluationLimits {
  /** Time for one render/renderDeep call, all of its expressions together (see EvaluationBudget). */
  readonly timeoutMs: number;
  /** UTF-8 bytes of everything one call produces (serialized JSON for objects and arrays). */
  readonly maxResultBytes: number;
  /** Longest array any step may produce (JSONata sequences, ranges, `$split` results, …). */
  readonly maxSequenceLength: number;
}

/** CPU milliseconds (user + system) this process has used. */
export function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const CPU_SAMPLE_MAX_AGE_MS = 5;
let cpuSample = { at: -Infinity, cpuMs: 0 };

/**
 * processCpuMs as sampled at most CPU_SAMPLE_MAX_AGE_MS ago: every call's starting point, without a
 * getrusage system call per render under load. An older start only makes a call look like it used
 * more CPU (by at most those few milliseconds), never less.
 */
export function recentProcessCpuMs(now = Date.now()): number {
  if (now - cpuSample.at > CPU_SAMPLE_MAX_AGE_MS) cpuSample = { at: now, cpuMs: processCpuMs() };
  return cpuSample.cpuMs;
}

/**
 * The time and size allowance of one render/renderDeep call. JSONata calls back into it before and
 * after every step of every expression of that call, so a runaway expression is stopped between
 * steps; the output of the call is charged against the byte allowance as it is produced.
 *
 * Time is wall time while the call runs: the turns it is parked to let the event loop breathe are not
 * counted (other jobs' work), and a call is only stopped once the process has also used the allowance
 * in CPU time since the call started (a busy host may not schedule the process for a while). A trivial
 * expression never fails because the process was busy; a runaway one runs and uses CPU all along and
 * is stopped at the limit.
 */
export class EvaluationBudget {
  private deadline: number;
  private remainingBytes: number;
  /** When this evaluation last started running: its start, or its return from being parked. */
  private runningSince: number;
  private steps = 0;

  constructor(
    readonly limits: EvaluationLimits,
    startedAt: number = Date.now(),
    private readonly cpuMs: () => number = processCpuMs,
    private readonly cpuAtStart: number = recentProcessCpuMs(startedAt),
  ) {
    this.deadline = startedAt + limits.timeoutMs;
    this.remainingBytes = limits.maxResultBytes;
    this.runningSince = startedAt;
  }

  checkTime(): void {
    this.throwIfLate(Date.now());
  }

  /**
   * Milliseconds left of the time allowance, for work that cannot be stopped once started (one
   * regular-expression search): it may start only if its worst case fits. Throws like checkTime
   * when the allowance is used up.
   */
  allowanceMs(): number {
    const now = Date.now();
    this.throwIfLate(now);
    return this.deadline - now;
  }

  /** UTF-8 bytes the call may still produce. */
  get bytesLeft(): number {
    return this.remainingBytes;
  }

  /**
   * checkTime for the step hook. JSONata's steps are chained promises that never leave the
   * microtask queue, so a long evaluation would hold the event loop (I/O, timers, queue lock
   * renewals) until it ends; once it has run YIELD_INTERVAL_MS, or more than a few steps in a turn
   * whose slice is used up, it is parked until the loop has come round instead.
   */
  checkpoint(): Promise<void> | undefined {
    const now = Date.now();
    this.throwIfLate(now);
    const runningMs = now - this.runningSince;
    if (
      runningMs < YIELD_INTERVAL_MS &&
      (++this.steps <= SHARED_SLICE_AFTER_STEPS || now - stretchStart(now) < YIELD_INTERVAL_MS)
    ) {
      return undefined;
    }
    return this.park(now);
  }

  /**
   * checkpoint before work that cannot be interrupted (a built-in over a large value, writing a
   * large result out): it starts only in a turn whose slice is not used up, so such work of several
   * evaluations does not run back to back.
   */
  checkpointBeforeHeavyWork(): Promise<void> | undefined {
    const now = Date.now();
    this.throwIfLate(now);
    if (now - this.runningSince < YIELD_INTERVAL_MS && now - stretchStart(now) < YIELD_INTERVAL_MS) return undefined;
    return this.park(now);
  }

  private park(now: number): Promise<void> {
    return new Promise((resolve) =>
      setImmediate(() => {
        // Waiting for the loop to come round (other jobs' work) is not this call's time.
        const resumedAt = Date.now();
        this.deadline += resumedAt - now;
        this.runningSince = resumedAt;
        resolve();
      }),
    );
  }

  private throwIfLate(now: number): void {
    if (now <= this.deadline) return;
    const cpuUsed = this.cpuMs() - this.cpuAtStart;
    if (cpuUsed < this.limits.timeoutMs) {
      // Late by the clock but not by the CPU it got: the host was busy elsewhere. Check again later.
      this.deadline = now + (this.limits.timeoutMs - cpuUsed);
      return;
    }
    throw new ExpressionError({
      reason: 'timeout',
      detail: `exceeded the ${this.limits.timeoutMs} ms evaluation limit`,
    });
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
