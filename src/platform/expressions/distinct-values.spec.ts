import { distinctValues } from './distinct-values.js';
import { ExpressionError } from './expression-error.js';

function distinct(values: unknown[], maxChars = 1_000_000): unknown[] {
  const kept: unknown[] = [];
  distinctValues(values, (value) => kept.push(value), maxChars);
  return kept;
}

describe('distinctValues', () => {
  it('keeps the first of each value under deep equality, in order', () => {
    const first = { a: 1, b: [1, { c: 'x' }] };
    expect(
      distinct([
        first,
        1,
        '1',
        { b: [1, { c: 'x' }], a: 1 },
        1,
        null,
        null,
        true,
        'true',
        [1, 2],
        [2, 1],
        [1, 2],
        0,
        -0,
      ]),
    ).toEqual([first, 1, '1', null, true, 'true', [1, 2], [2, 1], 0]);
  });

  it('tells apart values whose texts could be confused', () => {
    expect(
      distinct([
        { a: '1' },
        { a: 1 },
        ['a,b'],
        ['a', 'b'],
        { 'a":1,"b': 1 },
        { a: 1, b: 1 },
        [undefined],
        ['undefined'],
      ]),
    ).toHaveLength(8);
  });

  it('compares function values by identity only', () => {
    const lambda = { _jsonata_lambda: true, environment: {} };
    const twin = { _jsonata_lambda: true, environment: {} };
    expect(distinct([lambda, lambda, twin])).toEqual([lambda, twin]);
  });

  it('refuses to compare more text than allowed, however many times an object is held', () => {
    let value: object = { leaf: 1 };
    for (let level = 0; level < 50; level++) value = { a: value, b: value };
    expect(() => distinct([value, value], 10_000)).toThrow(ExpressionError);
    expect(() => distinct([{ text: 'x'.repeat(100) }], 50)).toThrow(/compared more than 50 characters/);
  });

  it('refuses values nested deeper than JSONata could build them', () => {
    let value: unknown = 1;
    for (let level = 0; level < 1001; level++) value = [value];
    expect(() => distinct([value, 2])).toThrow(/nested over 1000 levels/);
  });
});
