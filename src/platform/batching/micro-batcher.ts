import { AsyncResource } from 'node:async_hooks';

export interface MicroBatcherOptions {
  /** Items per call of the batch function at most. */
  maxBatchSize: number;
  /** Batch calls running at once at most; items wait (and accumulate) while all are busy. */
  maxInFlight: number;
  /**
   * Items waiting at most: beyond it `submit` rejects at once with BatcherSaturatedError, so a stalled
   * dependency makes callers fail fast instead of piling up in memory.
   */
  maxPending: number;
}

export class BatcherSaturatedError extends Error {
  constructor(waiting: number) {
    super(`${waiting} items are already waiting for a batch`);
    this.name = 'BatcherSaturatedError';
  }
}

/** One item's own error in a batch's results: that item's caller gets `cause`, the others their results. */
export class BatchItemFailure {
  constructor(readonly cause: unknown) {}
}

/**
 * Runs `together` on all items; if it throws, runs each item alone (one after the other), so one bad
 * item fails only itself.
 */
export async function togetherOrAlone<T, R>(
  items: readonly T[],
  together: (items: readonly T[]) => Promise<R[]>,
): Promise<(R | BatchItemFailure)[]> {
  try {
    return await together(items);
  } catch (error) {
    if (items.length === 1) return [new BatchItemFailure(error)];
    const results: (R | BatchItemFailure)[] = [];
    for (const item of items) {
      results.push(
        await together([item]).then(
          ([result]) => result,
          (alone: unknown) => new BatchItemFailure(alone),
        ),
      );
    }
    return results;
  }
}

interface Pending<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit for hot paths: items submitted in the same event-loop turn — and all those that arrive
 * while the previous batches are still running — go out as one call of `runBatch`, which answers each
 * item in order (one result per item). Under load a round trip carries many items; alone, an item waits
 * for nothing but the end of the current turn. A failed batch rejects each of its items; a batch can
 * also fail single items (BatchItemFailure among its results).
 */
export class MicroBatcher<T, R> {
  /**
   * Batches run in the context the batcher was created in, not in the first submitter's: a batch
   * serves many callers, so whatever they carry (a correlation id in AsyncLocalStorage) goes with
   * their items explicitly.
   */
  private readonly scope = new AsyncResource('MicroBatcher');
  private pending: Pending<T, R>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly runBatch: (items: T[]) => Promise<(R | BatchItemFailure)[]>,
    private readonly options: MicroBatcherOptions,
  ) {}

  submit(item: T): Promise<R> {
    if (this.pending.length >= this.options.maxPending)
      return Promise.reject(new BatcherSaturatedError(this.pending.length));
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        this.scope.runInAsyncScope(() =>
          setImmediate(() => {
            this.scheduled = false;
            this.drain();
          }),
        );
      }
    });
  }

  private drain(): void {
    while (this.pending.length > 0 && this.inFlight < this.options.maxInFlight) {
      const batch = this.pending.splice(0, this.options.maxBatchSize);
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.drain();
      });
    }
  }

  private async run(batch: Pending<T, R>[]): Promise<void> {
    try {
      const results = await this.runBatch(batch.map((entry) => entry.item));
      if (results.length !== batch.length)
        throw new Error(`batch answered ${results.length} results for ${batch.length} items`);
      batch.forEach((entry, index) => {
        const result = results[index];
        if (result instanceof BatchItemFailure) entry.reject(result.cause);
        else entry.resolve(result);
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }
}
