/**
 * Base of every error a command, query or job handler throws on purpose.
 * Handlers never throw HTTP exceptions (the same code runs in workers); the problem-details
 * filter maps `kind` to a status code and `code` to the problem `type`.
 */
export type DomainErrorKind =
  | 'invalid_input' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'gone' // 410
  | 'unprocessable' // 422
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable machine-readable code, e.g. `workflow_not_found`; becomes the problem `type` suffix. */
    readonly code: string,
    message: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
