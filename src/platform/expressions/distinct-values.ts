import { ExpressionError } from './expression-error.js';
import { isFunctionValue } from './function-values.js';

/** Nesting a value may have to be compared: as deep as JSONata's own step depth lets values be built. */
const MAX_NESTING = 1000;

/**
 * The items of `values` without repeats, first occurrences in order, with JSONata's deep equality
 * (`$distinct`): arrays equal item by item, objects equal with the same keys in any order and equal
 * values, other values by `===`. JSONata compares every item with every kept one (quadratic: 12 s
 * for 100,000 numbers); here each item gets a canonical text (object keys sorted) and a set lookup,
 * linear in the total size. The texts of all items together may not exceed `maxChars`.
 *
 * Two deliberate differences, both from accidents of JSONata's implementation: function values
 * are equal only to themselves (JSONata would compare their closures' environments), and an array
 * never equals an object (JSONata's equality finds `[]` equal to `{"length": 0}`).
 */
export function distinctValues<T>(values: readonly T[], add: (value: T) => void, maxChars: number): void {
  const seen = new Set<string>();
  // Numbers, strings, booleans and null are their own keys (`===` is JSONata's equality for them).
  const seenScalars = new Set<unknown>();
  const functionIds = new Map<object, number>();
  let chars = 0;
  for (const value of values) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      if (seenScalars.has(value)) continue;
      seenScalars.add(value);
      add(value);
      continue;
    }
    const key = canonicalText(value, functionIds, 0);
    chars += key.length;
    if (chars > maxChars) {
      throw new ExpressionError({
        reason: 'too_large',
        detail: `$distinct compared more than ${maxChars} characters of values`,
      });
    }
    if (seen.has(key)) continue;
    seen.add(key);
    add(value);
  }

  function canonicalText(value: unknown, ids: Map<object, number>, depth: number): string {
    if (typeof value === 'string') return JSON.stringify(value);
    if (typeof value === 'number') return String(value);
    if (value === null || typeof value === 'boolean') return String(value);
    if (value === undefined) return 'undefined';
    if (isFunctionValue(value)) return `function#${idOf(value as object, ids)}`;
    if (depth >= MAX_NESTING) {
      throw new ExpressionError({
        reason: 'too_deep',
        detail: `$distinct met a value nested over ${MAX_NESTING} levels`,
      });
    }
    // A value may hold one object many times: count what is written, not what is held.
    let text: string;
    if (Array.isArray(value)) {
      text = '[';
      for (let index = 0; index < value.length; index++) {
        text += `${index === 0 ? '' : ','}${canonicalText(value[index], ids, depth + 1)}`;
        checkLength(text.length);
      }
      return `${text}]`;
    }
    if (typeof value !== 'object') return `${typeof value}:${String(value)}`;
    text = '{';
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] as string;
      text += `${index === 0 ? '' : ','}${JSON.stringify(key)}:${canonicalText(record[key], ids, depth + 1)}`;
      checkLength(text.length);
    }
    return `${text}}`;
  }

  function checkLength(length: number): void {
    if (chars + length > maxChars) {
      throw new ExpressionError({
        reason: 'too_large',
        detail: `$distinct compared more than ${maxChars} characters of values`,
      });
    }
  }
}

function idOf(value: object, ids: Map<object, number>): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = ids.size + 1;
    ids.set(value, id);
  }
  return id;
}
