import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContextStore {
  /** Id of the HTTP request or, in a worker, of the request that caused the job. */
  correlationId: string;
  tenantId?: string;
  actorId?: string;
}

const storage = new AsyncLocalStorage<RequestContextStore>();

/** Correlation data that follows a request (and the jobs it causes) into every log line. */
export const RequestContext = {
  run<T>(store: RequestContextStore, fn: () => T): T {
    return storage.run(store, fn);
  },
  current(): RequestContextStore | undefined {
    return storage.getStore();
  },
  /** Adds the caller's identity once authentication has run. */
  setIdentity(tenantId: string, actorId: string | undefined): void {
    const store = storage.getStore();
    if (!store) return;
    store.tenantId = tenantId;
    store.actorId = actorId;
  },
};
