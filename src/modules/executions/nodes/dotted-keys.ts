const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** `{ "a.b": 1, c: 2 }` → `{ a: { b: 1 }, c: 2 }`. Prototype-polluting segments are refused. */
export function expandDottedKeys(flat: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const segments = path.split('.');
    if (segments.some((segment) => segment === '' || FORBIDDEN_KEYS.has(segment))) {
      throw new Error(`"${path}" is not a usable key`);
    }
    let target = result;
    for (const segment of segments.slice(0, -1)) {
      const next = target[segment];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) target[segment] = {};
      target = target[segment] as Record<string, unknown>;
    }
    target[segments[segments.length - 1]] = value;
  }
  return result;
}
