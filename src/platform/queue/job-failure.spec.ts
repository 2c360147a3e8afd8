import { UnrecoverableError } from 'bullmq';
import { DependencyUnavailableError } from '../errors/dependency-unavailable.error.js';
import { DomainError } from '../errors/domain-error.js';
import { ExpressionError } from '../expressions/expression-error.js';
import { JsonTooDeepError } from '../database/postgres-text.js';
import { classifyJobFailure, failureOfFailedJob } from './job-failure.js';

function stackOverflow(): RangeError {
  const recurse = (n: number): number => recurse(n + 1) + 1;
  try {
    recurse(0);
  } catch (error) {
    return error as RangeError;
  }
  throw new Error('the stack did not overflow');
}

function postgresError(code: string): Error {
  return Object.assign(new Error('from the server'), { severity: 'ERROR', code });
}

describe('classifyJobFailure', () => {
  it('fails at once what a retry cannot fix, with a readable reason', () => {
    expect(classifyJobFailure(new JsonTooDeepError('The payload', 64))).toEqual({
      permanent: true,
      code: 'json_too_deep',
      reason: 'The payload nests deeper than 64 levels.',
    });
    expect(classifyJobFailure(stackOverflow())).toEqual({
      permanent: true,
      code: 'too_deep',
      reason: 'The data nests too deeply to be processed (the call stack overflowed).',
    });
    expect(classifyJobFailure(new RangeError('Invalid string length'))).toMatchObject({
      permanent: true,
      code: 'too_large',
    });
    expect(classifyJobFailure(new RangeError('Invalid time value'))).toMatchObject({
      permanent: true,
      code: 'out_of_range',
    });
    expect(
      classifyJobFailure(new DomainError('invalid_input', 'payload_mismatch', 'The payload does not match.')),
    ).toMatchObject({ permanent: true, code: 'payload_mismatch' });
    expect(
      classifyJobFailure(new ExpressionError({ reason: 'runtime', detail: 'boom', expression: 'x' })),
    ).toMatchObject({ permanent: true, code: 'expression_error' });
    expect(classifyJobFailure(new UnrecoverableError('given up'))).toMatchObject({
      permanent: true,
      reason: 'given up',
    });
    expect(classifyJobFailure(postgresError('54001'))).toMatchObject({
      permanent: true,
      code: 'database_error',
      reason: 'PostgreSQL refused a statement (SQLSTATE 54001).',
    });
    expect(classifyJobFailure(postgresError('22P02'))).toMatchObject({ permanent: true });
  });

  it('never quotes data from JSON errors, whose messages carry fragments of it', () => {
    let parseError: unknown;
    try {
      JSON.parse('{"secret": nope}');
    } catch (error) {
      parseError = error;
    }
    const failure = classifyJobFailure(parseError);
    expect(failure).toMatchObject({ permanent: true, code: 'invalid_json' });
    expect(failure.reason).not.toContain('nope');
    const circular: Record<string, unknown> = { secretKey: 1 };
    circular.self = circular;
    let stringifyError: unknown;
    try {
      JSON.stringify(circular);
    } catch (error) {
      stringifyError = error;
    }
    expect(classifyJobFailure(stringifyError)).toEqual({
      permanent: true,
      code: 'invalid_json',
      reason: 'A value could not be serialised as JSON.',
    });
  });

  it('retries what may pass on another try: connections, timeouts, deadlocks, a dependency down', () => {
    expect(classifyJobFailure(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toEqual({
      permanent: false,
      code: 'internal_error',
      reason: 'Unexpected Error (ECONNRESET); the error was logged.',
    });
    expect(classifyJobFailure(postgresError('40P01'))).toMatchObject({ permanent: false, code: 'database_error' });
    expect(classifyJobFailure({ driverError: postgresError('40001') })).toMatchObject({ permanent: false });
    expect(classifyJobFailure(new DependencyUnavailableError(['Redis']))).toMatchObject({ permanent: false });
    expect(classifyJobFailure(new Error('Command timed out'))).toEqual({
      permanent: false,
      code: 'internal_error',
      reason: 'Unexpected Error; the error was logged.',
    });
    expect(classifyJobFailure(Object.assign(new Error('x'), { code: 'ETIME' }))).toMatchObject({
      permanent: false,
      code: 'internal_error',
    });
  });
});

describe('failureOfFailedJob', () => {
  it('names the known causes of a job BullMQ failed for good, and never repeats an unknown message', () => {
    expect(failureOfFailedJob({ attemptsMade: 8, failedReason: 'Maximum call stack size exceeded' })).toEqual({
      permanent: true,
      code: 'too_deep',
      reason:
        'The data nests too deeply to be processed (the call stack overflowed); it failed 8 times and was given up.',
    });
    expect(
      failureOfFailedJob({ attemptsMade: 0, failedReason: 'job stalled more than allowable limit' }),
    ).toMatchObject({ code: 'stalled' });
    const unknown = failureOfFailedJob({
      attemptsMade: 1,
      failedReason: 'Unexpected token n in JSON: {"secret": nope}',
    });
    expect(unknown).toEqual({
      permanent: false,
      code: 'gave_up',
      reason: 'Processing failed 1 time and was given up; the last error is kept with the failed job in the queue.',
    });
  });
});
