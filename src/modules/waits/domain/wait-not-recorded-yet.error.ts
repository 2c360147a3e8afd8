/** Thrown so BullMQ retries a `waits` job that fired before the node's `waiting` was committed. */
export class WaitNotRecordedYetError extends Error {
  constructor() {
    super('the wait node is not recorded as waiting yet; retrying');
    this.name = 'WaitNotRecordedYetError';
  }
}
