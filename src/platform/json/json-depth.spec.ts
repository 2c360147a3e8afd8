import { exceedsJsonDepth, jsonDepth, MAX_JSON_DEPTH } from './json-depth.js';

function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

describe('jsonDepth', () => {
  it('counts scalars as 0 and each array or object as one level', () => {
    expect(jsonDepth('text')).toBe(0);
    expect(jsonDepth(null)).toBe(0);
    expect(jsonDepth([])).toBe(1);
    expect(jsonDepth({ a: [1, { b: 2 }] })).toBe(3);
  });

  it('takes the deepest branch', () => {
    expect(jsonDepth({ shallow: 1, deep: nested(10), other: [1] })).toBe(11);
  });

  it('stops past the limit without walking the rest', () => {
    expect(jsonDepth(nested(100_000), 64)).toBe(65);
  });

  it('accepts exactly the limit and refuses one more', () => {
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH + 1))).toBe(true);
  });
});
