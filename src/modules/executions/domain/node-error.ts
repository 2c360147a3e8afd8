/**
 * A node failed. `errorClass` is the stable classification clients see (`timeout`, `http_5xx`,
 * `expression_error` …); `retryable` says whether the node's retry policy applies.
 */
export class NodeError extends Error {
  constructor(
    readonly errorClass: string,
    message: string,
    readonly retryable: boolean,
    /** Wait at least this long before the next attempt (e.g. a Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'NodeError';
  }
}
