import { DomainError } from './domain-error.js';

/** Too many requests: 429 with Retry-After. */
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', 'rate_limited', `Too many requests; retry after ${retryAfterSeconds} s.`);
  }
}
