import { ExpressionError } from './expression-error.js';

describe('ExpressionError', () => {
  it('carries the expression_error class and code', () => {
    const error = new ExpressionError({ reason: 'runtime', detail: 'boom', expression: 'a.b' });
    expect(error).toBeInstanceOf(Error);
    expect(error.errorClass).toBe('expression_error');
    expect(error.code).toBe('expression_error');
    expect(error.name).toBe('ExpressionError');
    expect(error.message).toBe('Evaluation error in {{ a.b }}: boom');
  });

  it('truncates long expressions to about 200 characters', () => {
    const expression = `trigger.body.${'x'.repeat(1000)}`;
    const error = new ExpressionError({ reason: 'syntax', detail: 'bad', expression });
    expect(error.expression).toHaveLength(201);
    expect(error.message.length).toBeLessThan(300);
  });

  it('maps JSONata errors by code and keeps position and code', () => {
    const error = ExpressionError.from(
      { code: 'S0201', position: 7, token: '.', message: 'Syntax error: "."' },
      'a.b.',
    );
    expect(error.reason).toBe('syntax');
    expect(error.jsonataCode).toBe('S0201');
    expect(error.position).toBe(7);
    expect(error.message).toBe('Syntax error in {{ a.b. }} at position 7: Syntax error: "." [S0201]');
    expect(ExpressionError.from({ code: 'D1012', message: 'timeout' }, 'x').reason).toBe('timeout');
    expect(ExpressionError.from({ code: 'D1011', message: 'stack' }, 'x').reason).toBe('too_deep');
    expect(ExpressionError.from({ code: 'D2015', message: 'seq' }, 'x').reason).toBe('too_large');
  });

  it('cuts data values out of JSONata runtime messages', () => {
    const error = ExpressionError.from(
      { code: 'D3030', value: 'hunter2-secret', message: 'Unable to cast value to a number: "hunter2-secret"' },
      '$number(trigger.body.password)',
    );
    expect(error.message).not.toContain('hunter2');
    expect(error.message).toContain('Unable to cast value to a number: <value>');
  });

  it('never repeats the message of an engine-internal error', () => {
    const error = ExpressionError.from(new TypeError('secret-token is not a function'), 'x()');
    expect(error.message).not.toContain('secret-token');
    expect(error.reason).toBe('runtime');
    expect(ExpressionError.from(new RangeError('Invalid string length'), 'x').reason).toBe('too_large');
  });

  it('adds the expression to a guard error raised without one', () => {
    const guard = new ExpressionError({ reason: 'timeout', detail: 'exceeded the 100 ms evaluation limit' });
    const error = ExpressionError.from(guard, '$f(1)');
    expect(error.message).toBe('Evaluation timed out in {{ $f(1) }}: exceeded the 100 ms evaluation limit');
    expect(ExpressionError.from(error, 'other')).toBe(error);
  });
});
