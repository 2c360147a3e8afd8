import { MAX_JSON_DEPTH } from '../json/json-depth.js';
import {
  JsonTooDeepError,
  MAX_STORED_JSON_DEPTH,
  servableJson,
  textWithoutNul,
  toPostgresJson,
} from './postgres-text.js';

describe('postgres-text', () => {
  it('replaces NUL in keys and values of JSON, and keeps an escaped backslash followed by u0000', () => {
    const json = toPostgresJson({
      'k\u0000': 'a\u0000\u0000b',
      kept: 'a\\u0000b',
      twice: 'a\\\u0000b',
      list: ['\u0000'],
    });
    expect(JSON.parse(json)).toEqual({
      'k\uFFFD': 'a\uFFFD\uFFFDb',
      kept: 'a\\u0000b',
      twice: 'a\\\uFFFDb',
      list: ['\uFFFD'],
    });
  });

  it('replaces unpaired surrogates (jsonb refuses their escapes) and keeps pairs and escaped text', () => {
    const json = toPostgresJson({ ['k\ud800']: 'a\udc00b\udbff', pair: '\ud83d\ude00', kept: 'a\\ud800' });
    expect(JSON.parse(json)).toEqual({ ['k\uFFFD']: 'a\uFFFDb\uFFFD', pair: '\ud83d\ude00', kept: 'a\\ud800' });
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

describe('nesting bounds', () => {
  function nested(levels: number): unknown {
    let value: unknown = 1;
    for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { a: value };
    return value;
  }

  it('stores a value up to MAX_STORED_JSON_DEPTH and refuses a deeper one with a readable, permanent error', () => {
    expect(JSON.parse(toPostgresJson(nested(MAX_STORED_JSON_DEPTH)))).toEqual(nested(MAX_STORED_JSON_DEPTH));
    expect(() => toPostgresJson(nested(MAX_STORED_JSON_DEPTH + 1))).toThrow(JsonTooDeepError);
    expect(() => toPostgresJson(nested(10_000))).toThrow(
      `The value nests deeper than ${MAX_STORED_JSON_DEPTH} levels.`,
    );
  });

  it('leaves room for what the engine wraps around accepted input', () => {
    expect(MAX_STORED_JSON_DEPTH).toBeGreaterThan(MAX_JSON_DEPTH);
    expect(() => toPostgresJson({ body: nested(MAX_JSON_DEPTH), headers: {}, query: {} })).not.toThrow();
  });

  it('serves a stored value as it is, or a marker when serialising it could overflow the stack', () => {
    const shallow = { a: [1, { b: 2 }] };
    expect(servableJson(shallow)).toBe(shallow);
    expect(servableJson(null)).toBeNull();
    const marker = servableJson(nested(10_000));
    expect(marker).toEqual({
      truncated: true,
      reason: `The stored value nests deeper than ${MAX_STORED_JSON_DEPTH} levels and is not served.`,
    });
    expect(() => JSON.stringify(marker)).not.toThrow();
  });
});
