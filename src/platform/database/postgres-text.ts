/**
 * PostgreSQL cannot store the NUL character (U+0000) in text or jsonb, yet JSON (`\u0000`), URLs
 * (`%00`) and binary answers carry it freely. Untrusted data on its way to a column goes through
 * these, so one NUL becomes U+FFFD (the replacement character) instead of failing the write — and
 * with it a webhook already accepted or a node whose outbound call already happened.
 */

/** An escaped NUL in JSON text: `\u0000` whose backslash is not itself escaped. */
const ESCAPED_NUL = /(?<=(?:^|[^\\])(?:\\\\)*)\\u0000/g;

/** JSON text of `value` for a json/jsonb column: every escaped NUL becomes U+FFFD (keys and values alike). */
export function toPostgresJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json.includes('\\u0000') ? json.replace(ESCAPED_NUL, '\\ufffd') : json;
}

export function textWithoutNul(text: string): string;
export function textWithoutNul(text: string | null): string | null;
export function textWithoutNul(text: string | null): string | null {
  return text !== null && text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
}
