import { jest } from '@jest/globals';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { JsonTooDeepError } from '../database/postgres-text.js';
import type { GiveUp } from './queue-worker-host.js';
import { QueueWorkerHost, type TenantJobData } from './queue-worker-host.js';
import type { PoisonJob } from './poison-jobs.js';

class TestHost extends QueueWorkerHost {
  async process(): Promise<void> {}

  run(job: Job<TenantJobData>, work: () => Promise<void>, giveUp?: GiveUp): Promise<void> {
    return this.runJob(job, 'token', work, giveUp);
  }
}

function setUp() {
  const poisoned: PoisonJob[] = [];
  const warnings: unknown[] = [];
  const host = new TestHost();
  // What Nest and BullMQ provide at run time: the worker, the logger, the poison-job counter.
  Object.assign(host, {
    _worker: { name: 'webhook-events' },
    queueLogger: { warn: (fields: unknown) => warnings.push(fields) },
    poisonJobs: { recordGivenUp: (job: PoisonJob) => poisoned.push(job) },
  });
  const job = (attemptsMade: number) =>
    ({
      id: 'event-1',
      data: { tenantId: 'tenant-1' },
      attemptsMade,
      opts: { attempts: 8 },
      moveToDelayed: jest.fn(async () => undefined),
    }) as unknown as Job<TenantJobData>;
  return { host, job, poisoned, warnings };
}

/** A deadlock: worth another attempt. */
const transient = () => Object.assign(new Error('deadlock detected'), { severity: 'ERROR', code: '40P01' });

describe('QueueWorkerHost.runJob', () => {
  it('throws a transient failure as it is while attempts remain, so BullMQ retries it', async () => {
    const { host, job, poisoned } = setUp();
    const giveUp = jest.fn<GiveUp>(async () => undefined);
    const error = transient();
    await expect(host.run(job(6), () => Promise.reject(error), giveUp)).rejects.toBe(error);
    expect(giveUp).not.toHaveBeenCalled();
    expect(poisoned).toEqual([]);
  });

  it('gives up on the last attempt: records, counts, and fails the job without another attempt', async () => {
    const { host, job, poisoned } = setUp();
    const giveUp = jest.fn<GiveUp>(async () => undefined);
    const failure = host.run(job(7), () => Promise.reject(transient()), giveUp);
    await expect(failure).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(failure).rejects.toThrow('PostgreSQL refused a statement (SQLSTATE 40P01).');
    expect(giveUp).toHaveBeenCalledWith({
      permanent: false,
      code: 'database_error',
      reason: 'PostgreSQL refused a statement (SQLSTATE 40P01).',
    });
    expect(poisoned).toEqual([
      expect.objectContaining({ queue: 'webhook-events', jobId: 'event-1', tenantId: 'tenant-1', attempts: 8 }),
    ]);
  });

  it('gives up on a permanent failure at the first attempt', async () => {
    const { host, job, poisoned } = setUp();
    const giveUp = jest.fn<GiveUp>(async () => undefined);
    await expect(
      host.run(job(0), () => Promise.reject(new JsonTooDeepError('The payload', 64)), giveUp),
    ).rejects.toThrow(new UnrecoverableError('The payload nests deeper than 64 levels.'));
    expect(giveUp).toHaveBeenCalledTimes(1);
    expect(poisoned).toEqual([
      expect.objectContaining({
        attempts: 1,
        failure: { permanent: true, code: 'json_too_deep', reason: 'The payload nests deeper than 64 levels.' },
      }),
    ]);
  });

  it('fails a permanent failure at once even with no record to mark', async () => {
    const { host, job, poisoned } = setUp();
    await expect(
      host.run(job(0), () => Promise.reject(new RangeError('Maximum call stack size exceeded'))),
    ).rejects.toBeInstanceOf(UnrecoverableError);
    expect(poisoned).toEqual([]);
  });

  it('fails the job uncounted when the give-up cannot be recorded (the sweeper records it from the failed job)', async () => {
    const { host, job, poisoned, warnings } = setUp();
    const giveUp = jest.fn<GiveUp>(async () => {
      throw new Error('constraint');
    });
    await expect(
      host.run(job(0), () => Promise.reject(new JsonTooDeepError('The payload', 64)), giveUp),
    ).rejects.toBeInstanceOf(UnrecoverableError);
    expect(poisoned).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('delays the job without spending an attempt while PostgreSQL is unreachable, in the work or in the give-up', async () => {
    const { host, job, poisoned } = setUp();
    const unreachable = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const first = job(0);
    await expect(host.run(first, () => Promise.reject(unreachable()))).rejects.toBeInstanceOf(DelayedError);
    expect(first.moveToDelayed).toHaveBeenCalledTimes(1);
    const last = job(7);
    await expect(
      host.run(
        last,
        () => Promise.reject(transient()),
        () => Promise.reject(unreachable()),
      ),
    ).rejects.toBeInstanceOf(DelayedError);
    expect(last.moveToDelayed).toHaveBeenCalledTimes(1);
    expect(poisoned).toEqual([]);
  });
});
