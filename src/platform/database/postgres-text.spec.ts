import { textWithoutNul, toPostgresJson } from './postgres-text.js';

describe('postgres-text', () => {
  it('replaces NUL in keys and values of JSON, and keeps an escaped backslash followed by u0000', () => {
    const json = toPostgresJson({ 'k\u0000': 'a\u0000\u0000b', kept: 'a\\u0000b', twice: 'a\\\u0000b', list: ['\u0000'] });
    expect(JSON.parse(json)).toEqual({ 'k\uFFFD': 'a\uFFFD\uFFFDb', kept: 'a\\u0000b', twice: 'a\\\uFFFDb', list: ['\uFFFD'] });
  });

  it('leaves JSON without NUL as JSON.stringify writes it', () => {
    const value = { a: 'b\\u0000', n: [1, null] };
    expect(toPostgresJson(value)).toBe(JSON.stringify(value));
  });

  it('replaces NUL in text and passes null through', () => {
    expect(textWithoutNul('x\u0000y')).toBe('x\uFFFDy');
    expect(textWithoutNul(null)).toBeNull();
  });
});
