/** Headers that carry credentials or signatures: never stored with an event nor exposed as `trigger.headers`. */
export const SECRET_HEADERS: readonly string[] = Object.freeze([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-webhook-token',
  'x-api-key',
  'x-hub-signature',
  'x-hub-signature-256',
  'x-signature-256',
  'webhook-signature',
]);

const SECRET_HEADER_SET = new Set(SECRET_HEADERS);

/** A copy of `headers` without the secret ones (names matched case-insensitively). */
export function withoutSecretHeaders<T>(headers: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !SECRET_HEADER_SET.has(name.toLowerCase())));
}
