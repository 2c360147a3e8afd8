import type { FieldError } from '../../../platform/errors/domain-error.js';

// JSON Schema pieces shared by the node types of several modules.

/** Engine retry policy any node config may carry: `retry: { maxAttempts, backoffMs }`. */
export const nodeRetrySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    maxAttempts: { type: 'integer', minimum: 1, maximum: 10 },
    backoffMs: { type: 'integer', minimum: 0, maximum: 3_600_000 },
  },
} as const;

/** An object config schema with the shared optional `retry` property added. */
export function withRetry(
  schema: Readonly<Record<string, unknown>> & { readonly properties?: object },
): Record<string, unknown> {
  return { ...schema, properties: { ...schema.properties, retry: nodeRetrySchema } };
}

const FORBIDDEN_SEGMENTS = ['__proto__', 'prototype', 'constructor'];

/**
 * `propertyNames` schema of objects whose keys are dotted paths (`a.b.c`): no empty segment, no
 * prototype-polluting segment. The engine refuses such keys at run time; saving them fails earlier.
 */
export const dottedPathKeySchema = {
  type: 'string',
  maxLength: 200,
  pattern: `^(?!(?:.*\\.)?(?:${FORBIDDEN_SEGMENTS.join('|')})(?:\\.|$))[^.]+(?:\\.[^.]+)*$`,
  errorMessage: `must be a dotted path of non-empty segments (like "a.b"), without ${FORBIDDEN_SEGMENTS.join(', ')}`,
} as const;

/**
 * Keys of one dotted-path object that write the same place twice (`a` and `a.b`): which one wins
 * would depend on key order. `field` is the object's own field, like `config.set`.
 */
export function dottedKeyConflicts(record: unknown, field: string): FieldError[] {
  if (typeof record !== 'object' || record === null) return [];
  const keys = Object.keys(record);
  const present = new Set(keys);
  const errors: FieldError[] = [];
  for (const key of keys) {
    const segments = key.split('.');
    for (let length = 1; length < segments.length; length++) {
      const prefix = segments.slice(0, length).join('.');
      if (present.has(prefix)) {
        errors.push({ field: `${field}.${key}`, message: `conflicts with key "${prefix}", which sets the same place` });
        break;
      }
    }
  }
  return errors;
}
