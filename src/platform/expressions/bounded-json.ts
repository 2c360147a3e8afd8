import { ExpressionError } from './expression-error.js';
import { isFunctionValue } from './function-values.js';

/**
 * Bounded JSON text for expression values. A JSONata value can hold the same object many times
 * (`$b := {"x": $a, "y": $a}`, nested twenty levels deep), so its JSON text can be exponentially
 * larger than the memory it takes and JSON.stringify would run for seconds or minutes. These
 * functions count the text as they go and stop at a limit instead.
 *
 * The count is a lower bound of the real length (a string counts its characters and quotes, a
 * number one character, …), so a value whose JSON fits the limit is never refused; the walk stops
 * at most a few times the limit further (escapes and long numbers count short).
 */

export interface BoundedJsonOptions {
  /** Longest text allowed, in UTF-16 code units. */
  readonly maxChars: number;
  /**
   * `output`: JSONata function values are left out (as JSON.stringify leaves out JS functions).
   * `jsonata`: as JSONata's `$string` writes values: functions as `""`, a non-finite number is an error.
   */
  readonly style: 'output' | 'jsonata';
  /** Write fractions with 15 significant digits, as JSONata's `$string` does (`0.1 + 0.2` → `0.3`). */
  readonly roundNumbers: boolean;
  /** Indentation, as JSON.stringify's `space`. */
  readonly indent?: number;
}

/** JSON text of `value`, or undefined for a value JSON has no text for. Throws ExpressionError (too_large) past maxChars. */
export function stringifyWithin(value: unknown, options: BoundedJsonOptions): string | undefined {
  const { maxChars, style, roundNumbers } = options;
  let counted = 0;
  let root = true;
  const replacer = function (this: unknown, key: string, item: unknown): unknown {
    let out = item;
    if (typeof item === 'number') {
      if (style === 'jsonata' && (item === Infinity || item === -Infinity)) throw infiniteNumber(item);
      if (roundNumbers && !Number.isInteger(item)) out = Number(item.toPrecision(15));
    } else if (isFunctionValue(item)) {
      out = style === 'output' ? undefined : '';
    }
    if (root) root = false;
    else if (Array.isArray(this))
      counted += key === '0' ? 0 : 1; // the comma
    else if (out !== undefined) counted += key.length + 3; // "key":
    counted += scalarChars(out);
    if (counted > maxChars) throw tooLarge(maxChars);
    return out;
  };
  const json = JSON.stringify(value, replacer, options.indent);
  if (json !== undefined && json.length > maxChars) throw tooLarge(maxChars);
  return json;
}

/**
 * Throws ExpressionError (too_large) when the JSON text of `value` would be longer than maxChars,
 * walking at most about that much of it; what JSONata does with the value next (`&` writes it as
 * JSON, `=` compares it deeply) then costs no more than that walk did.
 */
export function assertJsonWithin(value: unknown, maxChars: number): void {
  let counted = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (isFunctionValue(item)) continue;
    counted += scalarChars(item);
    if (Array.isArray(item)) {
      counted += Math.max(item.length - 1, 0);
      for (let index = item.length - 1; index >= 0; index--) pending.push(item[index]);
    } else if (typeof item === 'object' && item !== null) {
      for (const key of Object.keys(item)) {
        const member = (item as Record<string, unknown>)[key];
        if (member === undefined || isFunctionValue(member)) continue;
        counted += key.length + 3;
        pending.push(member);
      }
    }
    if (counted > maxChars) throw tooLarge(maxChars);
  }
}

/** Characters the JSON of `value` takes at least, leaving out what is inside an object or array. */
function scalarChars(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value === 'number') return 1;
  if (typeof value === 'boolean' || value === null) return 4;
  if (typeof value === 'object') return 2;
  return 0;
}

function tooLarge(maxChars: number): ExpressionError {
  return new ExpressionError({
    reason: 'too_large',
    detail: `a value's JSON text exceeds the ${maxChars} character limit`,
  });
}

/** What JSONata's `$string` throws for an infinite number inside a value (D1001), so the message stays JSONata's. */
function infiniteNumber(value: number): object {
  return { code: 'D1001', value, stack: new Error().stack };
}
