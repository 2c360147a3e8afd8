/** JSONata built-ins are `{ _jsonata_function: true, … }`, lambdas `{ _jsonata_lambda: true, environment, … }`. */
export function isFunctionValue(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (typeof value !== 'object' || value === null) return false;
  const marked = value as { _jsonata_function?: unknown; _jsonata_lambda?: unknown };
  return marked._jsonata_function === true || marked._jsonata_lambda === true;
}
