import { UnrecoverableError } from 'bullmq';
import { DomainError, type DomainErrorKind } from '../errors/domain-error.js';
import { ExpressionError } from '../expressions/expression-error.js';

/** Why a job failed, as the API and the logs may say it (never a payload value). */
export interface JobFailure {
  /** Retrying cannot help: the job fails at once, without spending its other attempts. */
  permanent: boolean;
  /** Stable classification: `too_deep`, `too_large`, `invalid_json`, a domain error's code, `internal_error` … */
  code: string;
  /** A readable sentence for the record's `error` (data-free). */
  reason: string;
}

/** Domain errors that say "later", not "never". */
const TRANSIENT_DOMAIN_KINDS: ReadonlySet<DomainErrorKind> = new Set(['unavailable', 'rate_limited']);

/**
 * SQLSTATE classes a retry cannot fix: 22 data exception (bad value, invalid JSON text), 42 syntax
 * error or undefined object, 54 program limit exceeded (PostgreSQL's own stack depth limit). The rest
 * (deadlocks and serialisation failures, connection loss, cancellations) may pass on another try.
 */
const PERMANENT_SQLSTATE_CLASSES: ReadonlySet<string> = new Set(['22', '42', '54']);

/**
 * Classifies what a job threw: permanent failures (invalid data or config, expression errors, data
 * nested too deeply or grown too large, JSON that cannot be read or written) fail the job at once;
 * anything else (connections, timeouts, deadlocks, a dependency down) is worth another attempt. The
 * reason never quotes the error's own message unless the error was written for users (domain and
 * expression errors): engine messages can carry fragments of the data.
 */
export function classifyJobFailure(error: unknown): JobFailure {
  if (error instanceof ExpressionError) return { permanent: true, code: error.code, reason: error.message };
  if (error instanceof DomainError)
    return { permanent: !TRANSIENT_DOMAIN_KINDS.has(error.kind), code: error.code, reason: error.message };
  if (error instanceof UnrecoverableError) return { permanent: true, code: 'unrecoverable', reason: error.message };
  if (error instanceof RangeError) {
    if (/call stack/i.test(error.message))
      return {
        permanent: true,
        code: 'too_deep',
        reason: 'The data nests too deeply to be processed (the call stack overflowed).',
      };
    if (/invalid (string|array|typed array) length|too large/i.test(error.message))
      return { permanent: true, code: 'too_large', reason: 'A value grew beyond the size that can be processed.' };
    return { permanent: true, code: 'out_of_range', reason: 'A value was out of the range that can be processed.' };
  }
  if (error instanceof SyntaxError)
    return { permanent: true, code: 'invalid_json', reason: 'Stored data could not be read as JSON.' };
  if (error instanceof TypeError && /JSON|circular|BigInt/i.test(error.message)) {
    return { permanent: true, code: 'invalid_json', reason: 'A value could not be serialised as JSON.' };
  }
  const sqlState = sqlStateOf(error);
  if (sqlState !== undefined) {
    return {
      permanent: PERMANENT_SQLSTATE_CLASSES.has(sqlState.slice(0, 2)),
      code: 'database_error',
      reason: `PostgreSQL refused a statement (SQLSTATE ${sqlState}).`,
    };
  }
  const name = error instanceof Error ? error.name : typeof error;
  const code = errorCodeOf(error);
  return {
    permanent: false,
    code: 'internal_error',
    reason: `Unexpected ${name}${code ? ` (${code})` : ''}; the error was logged.`,
  };
}

/** The SQLSTATE of a PostgreSQL error (pg's DatabaseError, alone or inside TypeORM's QueryFailedError). */
function sqlStateOf(error: unknown): string | undefined {
  const source =
    typeof error === 'object' && error !== null
      ? ((error as { driverError?: unknown }).driverError ?? error)
      : undefined;
  // pg's DatabaseError carries the server's severity; system errors (ETIME …) do not.
  if (typeof source !== 'object' || source === null || !('severity' in source)) return undefined;
  const code = (source as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** A system error code (`ECONNRESET`, `ETIMEDOUT` …), which names the failure without data. */
function errorCodeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? code : undefined;
}

/**
 * The failure of a job BullMQ already failed for good, read back from the job (its record was not
 * marked: the give-up could not be recorded, the job stalled past its limit — its worker died each
 * time —, or it failed before poison jobs were recorded). The job's failedReason stays with the job
 * for operators: it may be an engine message quoting data, so only known causes are named.
 */
export function failureOfFailedJob(job: { attemptsMade: number; failedReason?: string }): JobFailure {
  const failedReason = job.failedReason ?? '';
  const times = `${job.attemptsMade} time${job.attemptsMade === 1 ? '' : 's'}`;
  if (/call stack/i.test(failedReason)) {
    return {
      permanent: true,
      code: 'too_deep',
      reason: `The data nests too deeply to be processed (the call stack overflowed); it failed ${times} and was given up.`,
    };
  }
  if (/stalled/i.test(failedReason)) {
    return {
      permanent: false,
      code: 'stalled',
      reason: 'Its worker stopped or crashed while processing it, every time it was tried; gave up.',
    };
  }
  return {
    permanent: false,
    code: 'gave_up',
    reason: `Processing failed ${times} and was given up; the last error is kept with the failed job in the queue.`,
  };
}
