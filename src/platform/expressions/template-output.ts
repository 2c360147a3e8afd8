/**
 * Turning JSONata results into template output: plain JSON data, detached from the context, with
 * JSONata function values (built-ins and lambdas, which carry their evaluation environment) dropped.
 * JSON text is written within a length limit (see bounded-json.ts).
 */
import { stringifyWithin } from './bounded-json.js';
import { isFunctionValue } from './function-values.js';

/** JSON text of `value` with function values left out (as JSON.stringify leaves out JS functions). */
export function serializeJson(value: unknown, maxChars: number): string | undefined {
  return stringifyWithin(value, { maxChars, style: 'output', roundNumbers: false });
}

/**
 * How a value is written into a string template: strings as they are, undefined/null/functions as
 * nothing, numbers and booleans as JSONata's `$string` writes them, objects and arrays as JSON.
 */
export function formatInserted(value: unknown, maxChars: number): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (isFunctionValue(value)) return '';
  return stringifyWithin(value, { maxChars, style: 'output', roundNumbers: true }) ?? '';
}

function formatNumber(value: number): string {
  // Integers stay exact (ids, phone numbers); fractions are rounded to 15 significant digits the
  // way JSONata's $string does, so `0.1 + 0.2` reads "0.3".
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}
