/**
 * Turning JSONata results into template output: plain JSON data, detached from the context, with
 * JSONata function values (built-ins and lambdas, which carry their evaluation environment) dropped.
 */

/** JSONata built-ins are `{ _jsonata_function: true, … }`, lambdas `{ _jsonata_lambda: true, environment, … }`. */
export function isFunctionValue(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (typeof value !== 'object' || value === null) return false;
  const marked = value as { _jsonata_function?: unknown; _jsonata_lambda?: unknown };
  return marked._jsonata_function === true || marked._jsonata_lambda === true;
}

/** JSON text of `value` with function values left out (as JSON.stringify leaves out JS functions). */
export function serializeJson(value: unknown): string | undefined {
  return JSON.stringify(value, dropFunctions);
}

/**
 * How a value is written into a string template: strings as they are, undefined/null/functions as
 * nothing, numbers and booleans as JSONata's `$string` writes them, objects and arrays as JSON.
 */
export function formatInserted(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (isFunctionValue(value)) return '';
  return JSON.stringify(value, dropFunctionsAndRoundNumbers) ?? '';
}

function formatNumber(value: number): string {
  // Integers stay exact (ids, phone numbers); fractions are rounded to 15 significant digits the
  // way JSONata's $string does, so `0.1 + 0.2` reads "0.3".
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

function dropFunctions(_key: string, value: unknown): unknown {
  return isFunctionValue(value) ? undefined : value;
}

function dropFunctionsAndRoundNumbers(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(15));
  return isFunctionValue(value) ? undefined : value;
}
