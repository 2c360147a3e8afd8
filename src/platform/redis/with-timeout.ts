/**
 * Resolves like `work`, or rejects after `ms`. For Redis calls on request paths: ioredis queues
 * commands while disconnected, and an answer that never comes must not hold an HTTP response.
 */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
