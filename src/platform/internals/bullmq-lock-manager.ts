import type { Worker } from 'bullmq';

/**
 * Rebuilds a worker's lock manager, which copies `lockDuration` and `lockRenewTime` from the worker's
 * options when it is built (in the worker's constructor): options set after that apply only once it is
 * rebuilt. `createLockManager` is protected in BullMQ's typings. Canary: bullmq-lock-manager.spec.ts.
 */
export function rebuildLockManager(worker: Worker): void {
  (worker as unknown as { createLockManager(): void }).createLockManager();
}
