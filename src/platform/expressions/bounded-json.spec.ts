import { assertJsonWithin, stringifyWithin } from './bounded-json.js';
import { ExpressionError } from './expression-error.js';

/** An object holding the one before it twice, `levels` deep: 2^levels leaves as JSON. */
function doubled(levels: number): object {
  let value: object = { leaf: 'x'.repeat(10) };
  for (let level = 0; level < levels; level++) value = { a: value, b: value };
  return value;
}

describe('stringifyWithin', () => {
  const lambda = { _jsonata_lambda: true, environment: { huge: 'never written' } };

  it('writes what JSON.stringify writes, with function values left out or empty', () => {
    const value = { n: 0.1 + 0.2, list: [1, 'two', null, lambda], f: lambda, nested: { ok: true } };
    expect(stringifyWithin(value, { maxChars: 1000, style: 'output', roundNumbers: false })).toBe(
      JSON.stringify({ n: 0.1 + 0.2, list: [1, 'two', null, null], nested: { ok: true } }),
    );
    expect(stringifyWithin(value, { maxChars: 1000, style: 'jsonata', roundNumbers: true })).toBe(
      '{"n":0.3,"list":[1,"two",null,""],"f":"","nested":{"ok":true}}',
    );
    expect(stringifyWithin([1, { a: 2 }], { maxChars: 1000, style: 'jsonata', roundNumbers: true, indent: 2 })).toBe(
      JSON.stringify([1, { a: 2 }], null, 2),
    );
  });

  it('accepts text exactly at the limit and refuses one character more', () => {
    const value = { key: 'x'.repeat(90) };
    const length = JSON.stringify(value).length;
    expect(stringifyWithin(value, { maxChars: length, style: 'output', roundNumbers: false })).toHaveLength(length);
    expect(() => stringifyWithin(value, { maxChars: length - 1, style: 'output', roundNumbers: false })).toThrow(
      ExpressionError,
    );
  });

  it('stops writing a value that holds one object many times', () => {
    expect(() => stringifyWithin(doubled(40), { maxChars: 10_000, style: 'output', roundNumbers: false })).toThrow(
      /JSON text exceeds the 10000 character limit/,
    );
  });

  it('refuses an infinite number in the jsonata style, as $string does', () => {
    expect(() => stringifyWithin([Infinity], { maxChars: 100, style: 'jsonata', roundNumbers: true })).toThrow(
      expect.objectContaining({ code: 'D1001' }) as unknown as Error,
    );
    expect(stringifyWithin([Infinity], { maxChars: 100, style: 'output', roundNumbers: false })).toBe('[null]');
  });
});

describe('assertJsonWithin', () => {
  it('lets values through whose JSON fits', () => {
    const value = { list: [1, 2, 3], text: 'é'.repeat(50) };
    expect(() => assertJsonWithin(value, JSON.stringify(value).length)).not.toThrow();
    expect(() => assertJsonWithin('short', 10)).not.toThrow();
  });

  it('stops at the limit, however many times an object is held', () => {
    expect(() => assertJsonWithin(doubled(60), 100_000)).toThrow(ExpressionError);
    expect(() => assertJsonWithin({ text: 'x'.repeat(200) }, 100)).toThrow(/exceeds the 100 character limit/);
  });

  it('does not walk into function values', () => {
    const lambda = { _jsonata_lambda: true, environment: doubled(60) };
    expect(() => assertJsonWithin([lambda, lambda], 100)).not.toThrow();
  });
});
