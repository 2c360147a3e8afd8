import type { FieldError } from '../errors/domain-error.js';

/** NUL, or a UTF-16 surrogate without its partner: text PostgreSQL cannot store (nor UTF-8 encode). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

const VALUE_MESSAGE = 'must not contain NUL (U+0000) or unpaired surrogate characters';
const KEY_MESSAGE = 'has a property name with NUL (U+0000) or unpaired surrogate characters';

/**
 * Every string in `value` — property names and values, at any depth, free-form JSON included — that
 * PostgreSQL cannot store, as field errors named by their path (`nodes.1.config.set.x`; `container`,
 * e.g. `body`, names the top level when one of its own property names is at fault). Stops after
 * `max` findings. Iterative, like every walk over request data.
 */
export function findUnstorableText(value: unknown, container: string, max = 10): FieldError[] {
  const found: FieldError[] = [];
  const pending: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (pending.length > 0 && found.length < max) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      if (!isStorableText(current)) found.push({ field: path || container, message: VALUE_MESSAGE });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    const entries = Object.entries(current);
    // Pushed in reverse so fields are reported in document order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      if (!Array.isArray(current) && !isStorableText(key)) {
        found.push({ field: path || container, message: KEY_MESSAGE });
        continue;
      }
      pending.push({ value: child, path: path === '' ? key : `${path}.${key}` });
    }
  }
  return found;
}
