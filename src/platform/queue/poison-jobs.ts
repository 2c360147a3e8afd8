import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from '../observability/metrics.registry.js';
import { ROOT_LOGGER, type RootLogger } from '../observability/logger.module.js';
import type { JobFailure } from './job-failure.js';
import { QueueNames } from './queue-names.js';

/** A job given up for good, its record (event, node) already marked failed. */
export interface PoisonJob {
  queue: string;
  jobId: string | undefined;
  tenantId: string;
  /** Attempts the job made, this one included. */
  attempts: number;
  failure: JobFailure;
  /** What the job threw, when known: only its type, code and stack frames are logged. */
  error?: unknown;
}

/**
 * Poison jobs: a job that failed permanently, or on every attempt, is recorded failed and never runs
 * again. Each one is counted in `flowhook_poison_jobs_total{queue}` and logged once at warn — with its
 * ids, attempts and data-free reason, never the payload or the thrown error's message (engine messages
 * can quote the data).
 */
@Injectable()
export class PoisonJobs {
  private readonly given: Counter<'queue'>;
  private readonly logger: RootLogger;

  constructor(registry: MetricsRegistry, @Inject(ROOT_LOGGER) logger: RootLogger) {
    this.given = new Counter({
      name: 'flowhook_poison_jobs_total',
      help: 'Jobs given up for good (a permanent failure, or every attempt failed), by queue; their event or node is recorded failed.',
      labelNames: ['queue'],
      registers: [registry],
    });
    // Every series exists from the first scrape, so rate() and deltas need no special case.
    for (const queue of Object.values(QueueNames)) this.given.inc({ queue }, 0);
    this.logger = logger.child({ component: 'poison-jobs' });
  }

  recordGivenUp(job: PoisonJob): void {
    this.given.inc({ queue: job.queue });
    this.logger.warn(
      {
        queue: job.queue,
        jobId: job.jobId,
        tenantId: job.tenantId,
        attempts: job.attempts,
        permanent: job.failure.permanent,
        errorCode: job.failure.code,
        reason: job.failure.reason,
        ...(job.error === undefined ? {} : { thrown: describeThrown(job.error) }),
      },
      'job given up for good; its record is marked failed',
    );
  }
}

/** The thrown value's type and stack frames: where it failed, without its message. */
function describeThrown(error: unknown): { type: string; code?: string; frames?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = error.stack
    ?.split('\n')
    .filter((line) => line.startsWith('    at '))
    .slice(0, 10)
    .join('\n');
  return { type: error.name, ...(typeof code === 'string' ? { code } : {}), ...(frames ? { frames } : {}) };
}
