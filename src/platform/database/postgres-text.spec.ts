import { jsonWithoutNul, textWithoutNul, toPostgresJson } from './postgres-text.js';

describe('postgres-text', () => {
  it('replaces NUL in keys and values of JSON, and keeps an escaped backslash followed by u0000', () => {
    const json = toPostgresJson({ 'k\u0000': 'a\u0000\u0000b', kept: 'a\\u0000b', twice: 'a\\\u0000b', list: ['\u0000'] });
    expect(JSON.parse(json)).toEqual({ 'k\uFFFD': 'a\uFFFD\uFFFDb', kept: 'a\\u0000b', twice: 'a\\\uFFFDb', list: ['\uFFFD'] });
  });

  it('leaves JSON without NUL untouched (the same string)', () => {
    const json = '{"a":"b\\\\u0000"}';
    expect(jsonWithoutNul(json)).toBe(json);
  });

  it('replaces NUL in text and passes null through', () => {
    expect(textWithoutNul('x\u0000y')).toBe('x\uFFFDy');
    expect(textWithoutNul(null)).toBeNull();
  });
});
