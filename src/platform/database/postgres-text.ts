import { DomainError } from '../errors/domain-error.js';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../json/json-depth.js';

/**
 * PostgreSQL cannot store the NUL character (U+0000) in text or jsonb, yet JSON (`\u0000`), URLs
 * (`%00`) and binary answers carry it freely. Untrusted data on its way to a column goes through
 * these, so one NUL becomes U+FFFD (the replacement character) instead of failing the write — and
 * with it a webhook already accepted or a node whose outbound call already happened.
 *
 * Nesting is bounded on the way in and on the way out: JSON.stringify recurses, and overflows the
 * stack a few thousand levels down (RangeError). Input accepted at any entry nests at most
 * MAX_JSON_DEPTH levels; what the engine builds around it (a trigger's `{ body, headers, query }`, a
 * transform's dotted keys, a node output quoting another) adds levels of its own, so what is stored
 * may nest up to twice that. Deeper data is refused before it is written (JsonTooDeepError, a
 * permanent failure), and a deeper value read back (a record written before the limit existed) is
 * served as a marker instead of being serialised (servableJson).
 */
export const MAX_STORED_JSON_DEPTH = 2 * MAX_JSON_DEPTH;

/** Data nests deeper than a limit: it is refused as it is (400 in the API, a permanent failure in a job). */
export class JsonTooDeepError extends DomainError {
  constructor(
    /** What nests too deeply, as the message names it: "The payload", "The node output" … */
    subject: string,
    readonly limit: number,
  ) {
    super('invalid_input', 'json_too_deep', `${subject} nests deeper than ${limit} levels.`);
  }
}

/** What a response carries instead of a stored value that nests deeper than MAX_STORED_JSON_DEPTH. */
export interface TruncatedJson {
  truncated: true;
  reason: string;
}

/**
 * What jsonb refuses in JSON text: an escaped NUL (`\u0000`) or an escaped surrogate — JSON.stringify
 * writes a surrogate pair as the character itself, so an escaped one is always unpaired — whose
 * backslash is not itself escaped.
 */
const UNSTORABLE_ESCAPE = /(?<=(?:^|[^\\])(?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/g;

/**
 * JSON text of `value` for a json/jsonb column: every NUL and unpaired surrogate becomes U+FFFD (keys
 * and values alike). Throws JsonTooDeepError (naming `subject`) for a value nesting deeper than MAX_STORED_JSON_DEPTH (the walk
 * stops at the limit and costs about half of the serialisation it protects).
 */
export function toPostgresJson(value: unknown, subject = 'The value'): string {
  if (exceedsJsonDepth(value, MAX_STORED_JSON_DEPTH)) throw new JsonTooDeepError(subject, MAX_STORED_JSON_DEPTH);
  const json = JSON.stringify(value);
  return json.includes('\\u0000') || json.includes('\\ud') ? json.replace(UNSTORABLE_ESCAPE, '\\ufffd') : json;
}

/**
 * A stored JSON value as a response may carry it: as it is, or — nesting deeper than
 * MAX_STORED_JSON_DEPTH, so that serialising it could overflow the stack — `{ truncated: true, reason }`.
 */
export function servableJson(value: unknown): unknown {
  if (!exceedsJsonDepth(value, MAX_STORED_JSON_DEPTH)) return value;
  return {
    truncated: true,
    reason: `The stored value nests deeper than ${MAX_STORED_JSON_DEPTH} levels and is not served.`,
  } satisfies TruncatedJson;
}

export function textWithoutNul(text: string): string;
export function textWithoutNul(text: string | null): string | null;
export function textWithoutNul(text: string | null): string | null {
  return text !== null && text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
}
