export type OutboundErrorClass =
  | 'timeout'
  | 'dns_failure'
  | 'connection_refused'
  | 'tls_error'
  | 'ssrf_blocked'
  | 'response_too_large'
  | 'invalid_header';

/**
 * Why an outbound call produced no usable response. `message` is safe to log and store: it never
 * contains request headers, URL credentials, the query string or the path.
 */
export class OutboundError extends Error {
  constructor(
    readonly errorClass: OutboundErrorClass,
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}
