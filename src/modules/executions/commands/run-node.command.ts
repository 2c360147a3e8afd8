import { Command } from '@nestjs/cqrs';
import type { NodeError } from '../domain/node-error.js';
import type { NodeJobData } from '../node-job.js';

export type RunNodeOutcome =
  | { kind: 'done' }
  /** Failed, and the retry policy allows another attempt: the job should be retried with backoff. */
  | { kind: 'retry'; error: NodeError }
  /** Not run now (rate limit, open circuit): run the same job again after the delay. */
  | { kind: 'deferred'; delayMs: number };

/** Runs one node of an execution (a `nodes` queue job). */
export class RunNodeCommand extends Command<RunNodeOutcome> {
  constructor(
    readonly job: NodeJobData,
    /** 1-based attempt of this job. */
    readonly attempt: number,
    readonly maxAttempts: number,
  ) {
    super();
  }
}
