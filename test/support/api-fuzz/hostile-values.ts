import { MAX_JSON_DEPTH } from '../../../src/platform/json/json-depth.js';

/** Strings PostgreSQL cannot store as text: SPEC §12 wants them refused (400) outside provider payloads. */
export const NUL_STRING = 'before\u0000after';
export const LONE_SURROGATE_STRING = 'before\ud800after';

/** Text that is valid everywhere a string is: multi-byte letters, an emoji (a surrogate pair), right-to-left script. */
export const UNICODE_STRINGS = ['Café Ñandú', '注文 ✓', 'emoji 🚀 ok', 'שלום', 'tab\tand\nnewline'];

/** Query values as they travel on the wire (already percent-encoded). */
export const ENCODED_QUERY_HOSTILES = {
  nul: 'a%00b',
  /** The UTF-8 bytes of U+D800, which no well-formed UTF-8 holds. */
  loneSurrogate: 'a%ED%A0%80b',
  invalidPercent: '%E0%A4%A',
  hugeInteger: '99999999999999999999',
  beyondBigint: '9223372036854775808',
  negative: '-1',
  fraction: '1.5',
  exponent: '1e400',
  notANumber: 'NaN',
} as const;

/** Path segments that are no id at all (already percent-encoded where needed). */
export const MALFORMED_PATH_SEGMENTS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000g',
  '%00',
  '%ED%A0%80',
  'a%2Fb',
  '%27%20OR%201%3D1--',
  'caf%C3%A9',
] as const;

/** Longer than Fastify's default maxParamLength (100): the router answers 414. */
export const OVERLONG_PATH_SEGMENT = 'x'.repeat(300);

/** A header over Node's 16 KiB header limit: the server answers 431. */
export const OVERSIZED_HEADER_VALUE = 'h'.repeat(20 * 1024);

/** Raw JSON nested `depth` levels deep, built as text (a value this deep cannot be stringified safely). */
export function deepJsonText(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Depths past the one nesting limit every entry enforces: just past it, and far past it. */
export const HOSTILE_DEPTHS = [MAX_JSON_DEPTH + 1, 10_000] as const;

/** Keys that poison prototypes when merged into objects. */
export const PROTOTYPE_POISON_BODIES = [
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
] as const;
