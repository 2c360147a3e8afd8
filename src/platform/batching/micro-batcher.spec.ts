import { AsyncLocalStorage } from 'node:async_hooks';
import { BatcherSaturatedError, BatchItemFailure, MicroBatcher, togetherOrAlone } from './micro-batcher.js';

const deferred = () => {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
};

describe('MicroBatcher', () => {
  it('sends items submitted in one turn as one batch and answers each in order', async () => {
    const calls: number[][] = [];
    const batcher = new MicroBatcher<number, string>(
      async (items) => {
        calls.push(items);
        return items.map((item) => `#${item}`);
      },
      { maxBatchSize: 100, maxInFlight: 1, maxPending: 1000 },
    );
    await expect(Promise.all([1, 2, 3].map((item) => batcher.submit(item)))).resolves.toEqual(['#1', '#2', '#3']);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it("runs a batch outside its submitters' async context (one batch serves many callers)", async () => {
    const context = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        seen.push(context.getStore());
        return items;
      },
      { maxBatchSize: 100, maxInFlight: 1, maxPending: 1000 },
    );
    await Promise.all([
      context.run('first caller', () => batcher.submit(1)),
      context.run('second caller', () => batcher.submit(2)),
    ]);
    expect(seen).toEqual([undefined]);
  });

  it('accumulates what arrives while a batch runs into the next one, within maxBatchSize', async () => {
    const calls: number[][] = [];
    const gate = deferred();
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        calls.push(items);
        if (calls.length === 1) await gate.promise;
        return items;
      },
      { maxBatchSize: 2, maxInFlight: 1, maxPending: 1000 },
    );
    const first = batcher.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4].map((item) => batcher.submit(item));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([[1]]);
    gate.release();
    await expect(Promise.all([first, ...later])).resolves.toEqual([1, 2, 3, 4]);
    expect(calls).toEqual([[1], [2, 3], [4]]);
  });

  it('runs up to maxInFlight batches at once', async () => {
    let running = 0;
    let most = 0;
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return items;
      },
      { maxBatchSize: 1, maxInFlight: 3, maxPending: 1000 },
    );
    await Promise.all(Array.from({ length: 10 }, (_, item) => batcher.submit(item)));
    expect(most).toBe(3);
  });

  it('rejects every item of a failed batch, and the next batch still runs', async () => {
    let fail = true;
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        if (fail) throw new Error('database down');
        return items;
      },
      { maxBatchSize: 10, maxInFlight: 1, maxPending: 1000 },
    );
    const failed = [1, 2].map((item) => batcher.submit(item));
    await expect(Promise.allSettled(failed)).resolves.toEqual([
      { status: 'rejected', reason: new Error('database down') },
      { status: 'rejected', reason: new Error('database down') },
    ]);
    fail = false;
    await expect(batcher.submit(3)).resolves.toBe(3);
  });

  it('rejects a batch whose function answers the wrong number of results', async () => {
    const batcher = new MicroBatcher<number, number>(async () => [], {
      maxBatchSize: 10,
      maxInFlight: 1,
      maxPending: 1000,
    });
    await expect(batcher.submit(1)).rejects.toThrow('batch answered 0 results for 1 items');
  });

  it('rejects at once beyond maxPending while the batches are stuck, and takes items again once they drain', async () => {
    const gate = deferred();
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        await gate.promise;
        return items;
      },
      { maxBatchSize: 1, maxInFlight: 1, maxPending: 2 },
    );
    const first = batcher.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const waiting = [batcher.submit(2), batcher.submit(3)];
    await expect(batcher.submit(4)).rejects.toBeInstanceOf(BatcherSaturatedError);
    gate.release();
    await expect(Promise.all([first, ...waiting])).resolves.toEqual([1, 2, 3]);
    await expect(batcher.submit(5)).resolves.toBe(5);
  });

  it('fails only the items a batch answers with BatchItemFailure', async () => {
    const batcher = new MicroBatcher<number, number>(
      async (items) => items.map((item) => (item === 2 ? new BatchItemFailure(new Error('two is bad')) : item)),
      {
        maxBatchSize: 10,
        maxInFlight: 1,
        maxPending: 10,
      },
    );
    const [one, two, three] = await Promise.allSettled([1, 2, 3].map((item) => batcher.submit(item)));
    expect(one).toEqual({ status: 'fulfilled', value: 1 });
    expect(two).toMatchObject({ status: 'rejected', reason: new Error('two is bad') });
    expect(three).toEqual({ status: 'fulfilled', value: 3 });
  });
});

describe('togetherOrAlone', () => {
  const doubleUnlessThirteen = async (items: readonly number[]) => {
    if (items.includes(13)) throw new Error('13 in the batch');
    return items.map((item) => item * 2);
  };

  it('runs all items together when that works', async () => {
    const calls: (readonly number[])[] = [];
    await expect(togetherOrAlone([1, 2], (items) => (calls.push(items), doubleUnlessThirteen(items)))).resolves.toEqual(
      [2, 4],
    );
    expect(calls).toEqual([[1, 2]]);
  });

  it('retries each item alone after a failed batch: the bad one fails, the others succeed', async () => {
    const results = await togetherOrAlone([1, 13, 3], doubleUnlessThirteen);
    expect(results[0]).toBe(2);
    expect(results[1]).toEqual(new BatchItemFailure(new Error('13 in the batch')));
    expect(results[2]).toBe(6);
  });

  it('does not run a lone item twice', async () => {
    let calls = 0;
    const results = await togetherOrAlone([13], (items) => (calls++, doubleUnlessThirteen(items)));
    expect(results).toEqual([new BatchItemFailure(new Error('13 in the batch'))]);
    expect(calls).toBe(1);
  });
});
