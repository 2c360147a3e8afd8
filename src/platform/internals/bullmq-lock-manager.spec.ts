import { Worker } from 'bullmq';
import { rebuildLockManager } from './bullmq-lock-manager.js';

/** Canary: if BullMQ changes how a worker builds its lock manager, the lock options we set stop applying. */
describe('rebuildLockManager (BullMQ internals)', () => {
  it('builds the lock manager from the lock options the worker has when it is called', () => {
    // A worker without its constructor: no Redis connection. What createLockManager reads is set by hand.
    const worker = Object.assign(Object.create(Worker.prototype) as Worker, {
      id: 'canary',
      opts: { name: 'canary', lockDuration: 4000, lockRenewTime: 2000 },
    });
    rebuildLockManager(worker);
    worker.opts.lockDuration = 9000;
    worker.opts.lockRenewTime = 4500;
    const built = (worker as unknown as { lockManager: { opts: object } }).lockManager;
    expect(built.opts).toMatchObject({ lockDuration: 4000, lockRenewTime: 2000, workerId: 'canary' });

    rebuildLockManager(worker);
    const rebuilt = (worker as unknown as { lockManager: { opts: object } }).lockManager;
    expect(rebuilt).not.toBe(built);
    expect(rebuilt.opts).toMatchObject({ lockDuration: 9000, lockRenewTime: 4500 });
  });
});
