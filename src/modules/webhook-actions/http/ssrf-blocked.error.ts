/**
 * Raised by the guarded connector when a destination is refused by the SsrfPolicy. No socket has been
 * opened when it is thrown. The message names the host and port only, never the request.
 */
export class SsrfBlockedError extends Error {
  readonly code = 'ERR_SSRF_BLOCKED';

  constructor(message: string) {
    super(message);
    this.name = 'SsrfBlockedError';
  }
}
