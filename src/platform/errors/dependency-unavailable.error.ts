import { DomainError } from './domain-error.js';

/** A dependency (PostgreSQL, Redis) is down: 503 with Retry-After, the client should try again. */
export class DependencyUnavailableError extends DomainError {
  constructor(
    dependencies: string[],
    readonly retryAfterSeconds = 5,
  ) {
    super(
      'unavailable',
      'dependency_unavailable',
      `Unavailable: ${dependencies.join(', ')} cannot be reached. Retry later.`,
    );
  }
}
