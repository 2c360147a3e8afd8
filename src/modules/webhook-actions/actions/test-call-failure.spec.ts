import { ExpressionError } from '../../../platform/expressions/expression-error.js';
import { NodeError } from '../../executions/domain/node-error.js';
import { configFailure, thrownFailure } from './test-call-failure.js';

describe('configFailure', () => {
  it('is invalid_header when every error is about a header', () => {
    const failure = configFailure(
      [
        {
          field: 'config.headers.Transfer-Encoding',
          message: 'cannot be set: the HTTP client computes it from the body',
        },
        { field: 'config.auth.headerName', message: 'cannot be set: the HTTP client takes it from the URL' },
      ],
      {},
    );
    expect(failure).toEqual({
      errorClass: 'invalid_header',
      error:
        'The action config is invalid: config.headers.Transfer-Encoding cannot be set: the HTTP client computes it from the body; config.auth.headerName cannot be set: the HTTP client takes it from the URL.',
    });
  });

  it('is expression_error when the one error is a template that does not compile', () => {
    const config = { method: 'GET', url: 'https://example.com/{{ ( }}' };
    expect(
      configFailure([{ field: 'config', message: 'has a template that does not compile: url: Syntax error' }], config),
    ).toMatchObject({ errorClass: 'expression_error' });
  });

  it('is invalid_config otherwise, headers among other errors included', () => {
    const errors = [
      { field: 'config.timeoutMs', message: 'must be >= 1' },
      { field: 'config.headers.Host', message: 'cannot be set: the HTTP client takes it from the URL' },
    ];
    expect(configFailure(errors, {})).toMatchObject({
      errorClass: 'invalid_config',
      error: expect.stringContaining('config.timeoutMs must be >= 1; config.headers.Host cannot be set'),
    });
    expect(configFailure([{ field: 'config', message: 'must be object' }], {})).toMatchObject({
      errorClass: 'invalid_config',
    });
  });

  it('lists at most ten errors', () => {
    const errors = Array.from({ length: 13 }, (_, index) => ({
      field: `config.responseMapping.output.f${index}`,
      message: 'must be string',
    }));
    const { error } = configFailure(errors, {});
    expect(error).toContain('config.responseMapping.output.f9 must be string; and 3 more.');
    expect(error).not.toContain('f10');
  });
});

describe('thrownFailure', () => {
  it('keeps the class of a NodeError', () => {
    expect(thrownFailure(new NodeError('invalid_config', 'Credential c of type bearer not found.', false))).toEqual({
      errorClass: 'invalid_config',
      error: 'Credential c of type bearer not found.',
    });
  });

  it('classes an ExpressionError as expression_error', () => {
    const error = new ExpressionError({ reason: 'timeout', detail: 'over 100 ms', expression: '$loop()' });
    expect(thrownFailure(error)).toEqual({ errorClass: 'expression_error', error: error.message });
  });

  it('leaves anything else to the caller', () => {
    expect(thrownFailure(new TypeError('boom'))).toBeUndefined();
  });
});
