import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { BatcherSaturatedError } from '../batching/micro-batcher.js';
import { isDatabaseUnavailable } from '../database/connection-errors.js';
import { DependencyUnavailableError } from '../errors/dependency-unavailable.error.js';
import { DomainError, type DomainErrorKind, type FieldError } from '../errors/domain-error.js';
import { MAX_PATH_PARAM_LENGTH } from './http-limits.js';

/** RFC 9457 problem details; every error response of the API has this shape. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: FieldError[];
  /** Only on 500s: the id under which the full error was logged. */
  errorId?: string;
  [extension: string]: unknown;
}

export interface ResolvedProblem {
  problem: ProblemDetails;
  /** Seconds, sent as Retry-After (429, 503). */
  retryAfter?: number;
  /** Unexpected errors are logged whole under `problem.errorId`. */
  unexpected: boolean;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  431: 'request_header_fields_too_large',
  503: 'unavailable',
};

/** Errors that carry their own Retry-After in seconds (rate limits, unavailable dependencies). */
export interface RetryAfterCarrier {
  retryAfterSeconds?: number;
}

export function problemType(code: string): string {
  return `urn:flowhook:problem:${code}`;
}

/** Turns anything thrown into the problem a client may see; nothing internal leaks. */
export function resolveProblem(error: unknown, instance: string): ResolvedProblem {
  if (error instanceof DomainError) {
    const status = STATUS_BY_KIND[error.kind];
    return {
      problem: build(status, error.code, error.message, instance, error.fieldErrors),
      retryAfter: (error as RetryAfterCarrier).retryAfterSeconds,
      unexpected: false,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status >= 500) return unexpected(instance, status);
    return {
      problem: build(status, CODE_BY_STATUS[status] ?? 'http_error', httpExceptionDetail(error), instance),
      unexpected: false,
    };
  }
  // PostgreSQL refusing connections, or requests piling up behind a stalled dependency (a batcher
  // full): nobody's mistake, try again later, not a 500.
  if (isDatabaseUnavailable(error)) return resolveProblem(new DependencyUnavailableError(['PostgreSQL']), instance);
  if (error instanceof BatcherSaturatedError)
    return resolveProblem(new DependencyUnavailableError(['a dependency']), instance);
  const frameworkStatus = clientErrorStatus(error);
  if (frameworkStatus) {
    const detail = frameworkDetail(frameworkStatus, error);
    return {
      problem: build(frameworkStatus, CODE_BY_STATUS[frameworkStatus] ?? 'http_error', detail, instance),
      unexpected: false,
    };
  }
  return unexpected(instance, 500);
}

/** The problem for a 4xx the framework or Node's HTTP parser raised, described by its caller. */
export function clientProblem(status: number, detail: string, instance: string): ProblemDetails {
  return build(status, CODE_BY_STATUS[status] ?? 'http_error', detail, instance);
}

function unexpected(instance: string, status: number): ResolvedProblem {
  const errorId = randomUUID();
  const problem = build(
    status,
    'internal_error',
    `An unexpected error occurred; it was logged with errorId ${errorId}.`,
    instance,
  );
  problem.errorId = errorId;
  return { problem, unexpected: true };
}

function build(status: number, code: string, detail: string, instance: string, errors?: FieldError[]): ProblemDetails {
  const problem: ProblemDetails = {
    type: problemType(code),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    instance,
  };
  if (errors && errors.length > 0) problem.errors = errors;
  return problem;
}

function httpExceptionDetail(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : error.message;
}

/** Fastify's and Node's own 4xx errors (body too large, bad media type, malformed JSON, path or headers refused). */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function frameworkDetail(status: number, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is larger than the configured limit.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported Content-Type; send application/json.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return "Body cannot be empty when content-type is set to 'application/json'.";
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'The request body size does not match its Content-Length.';
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return `A path segment is longer than ${MAX_PATH_PARAM_LENGTH} characters.`;
    case 'FST_ERR_BAD_URL':
      return 'The request path is not valid percent-encoded UTF-8.';
    default:
      if (error instanceof SyntaxError || code === 'FST_ERR_CTP_INVALID_JSON_BODY')
        return 'The request body is not valid JSON.';
      return status === 404 ? 'Not found.' : ((error as Error).message ?? 'Bad request.');
  }
}
