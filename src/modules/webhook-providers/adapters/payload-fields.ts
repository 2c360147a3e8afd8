import { textWithoutNul } from '../../../platform/database/postgres-text.js';

/** Safe reading of untrusted parsed bodies and headers, shared by the provider adapters. */

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object elements of the array at `parent[key]`; empty when anything on the way is of another shape. */
export function objectsAt(parent: unknown, key: string): JsonObject[] {
  if (!isJsonObject(parent)) return [];
  const items = parent[key];
  return Array.isArray(items) ? items.filter(isJsonObject) : [];
}

export function objectAt(parent: unknown, key: string): JsonObject | null {
  if (!isJsonObject(parent)) return null;
  const value = parent[key];
  return isJsonObject(value) ? value : null;
}

/** `parent[key]` as an id: a non-blank string as is, an integer in decimal (MercadoLibre sends `user_id` either way). */
export function idAt(parent: unknown, key: string): string | null {
  if (!isJsonObject(parent)) return null;
  const value = parent[key];
  if (typeof value === 'string') return value.trim() === '' ? null : textWithoutNul(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

/** The first non-null result of `pick` over `items`. */
export function firstOf<T>(items: readonly T[], pick: (item: T) => string | null): string | null {
  for (const item of items) {
    const picked = pick(item);
    if (picked !== null) return picked;
  }
  return null;
}

export function headerValue(headers: Record<string, string | undefined>, name: string): string | null {
  const value = headers[name]?.trim();
  return value ? value : null;
}

/** The fallback event id every provider honours when the payload carries none of its own. */
export function idempotencyKey(headers: Record<string, string | undefined>): string | null {
  return headerValue(headers, 'idempotency-key');
}
