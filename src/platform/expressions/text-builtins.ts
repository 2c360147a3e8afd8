import { stringifyWithin } from './bounded-json.js';
import { budgetOf } from './budget-binding.js';
import { jsonataError, type Focus } from './builtin-focus.js';
import { originalBuiltin } from './builtin-originals.js';
import { ExpressionError } from './expression-error.js';
import { isFunctionValue } from './function-values.js';

/*
 * Text built-ins that could run far past the evaluation budget in one call, replaced by versions
 * with the same results that are linear and fast, or that refuse an argument too large to handle
 * in time (see bounded-builtins.ts).
 */

/**
 * `$string`, written as JSONata writes it, within the longest string a template may build: a value
 * that holds one object many times is not written out for minutes first.
 */
export function boundedString(this: Focus, value: unknown, prettify?: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (isFunctionValue(value)) return '';
  if (typeof value === 'number' && !Number.isFinite(value)) throw jsonataError('D3001', { value });
  const unwrapped =
    Array.isArray(value) && (value as { outerWrapper?: unknown }).outerWrapper === true ? value[0] : value;
  const maxChars = budgetOf(this.environment).limits.maxResultBytes;
  return (
    stringifyWithin(unwrapped, { maxChars, style: 'jsonata', roundNumbers: true, indent: prettify === true ? 2 : 0 }) ??
    ''
  );
}

/** `$clone` (also what transform expressions `~> |…|` copy with), within the same bound as `$string`. */
export function boundedClone(this: Focus, value: unknown): unknown {
  if (value === undefined) return undefined;
  const maxChars = budgetOf(this.environment).limits.maxResultBytes;
  const json = stringifyWithin(value, { maxChars, style: 'jsonata', roundNumbers: true });
  return json === undefined ? undefined : (JSON.parse(json) as unknown);
}

/**
 * `$replace`. With a string pattern and a string replacement JSONata builds the result one match
 * at a time (240 ms for 500,000 matches, no step in between); the same replacement is done by the
 * engine's split and join. Regex patterns and function replacements go to JSONata's own, whose
 * searches and calls are bounded.
 */
export async function nativeStringReplace(this: Focus, ...args: unknown[]): Promise<unknown> {
  const [text, pattern, replacement, limit] = args;
  if (typeof text !== 'string' || typeof pattern !== 'string' || pattern === '' || typeof replacement !== 'string') {
    return (await originalBuiltin('replace')).apply(this, args);
  }
  if (limit === undefined) return text.split(pattern).join(replacement);
  if (typeof limit !== 'number' || limit < 0) return (await originalBuiltin('replace')).apply(this, args);
  const parts: string[] = [];
  let position = 0;
  for (
    let index = text.indexOf(pattern);
    index !== -1 && parts.length / 2 < limit;
    index = text.indexOf(pattern, position)
  ) {
    parts.push(text.slice(position, index), replacement);
    position = index + pattern.length;
  }
  parts.push(text.slice(position));
  return parts.join('');
}

/**
 * Longest picture string of the formatting and parsing built-ins. JSONata analyses a picture in
 * time that grows faster than its length (a 4,000-character `$formatNumber` picture: 80 ms);
 * real pictures are a few dozen characters.
 */
const MAX_PICTURE_LENGTH = 256;

/** Built-ins whose second argument is a picture string, with JSONata's signatures. */
export const PICTURE_FUNCTIONS: readonly (readonly [string, string])[] = [
  ['formatNumber', '<n-so?:s>'],
  ['formatInteger', '<n-s:s>'],
  ['parseInteger', '<s-s:n>'],
  ['fromMillis', '<n-s?s?:s>'],
  ['toMillis', '<s-s?:n>'],
];

export function withBoundedPicture(name: string): (this: Focus, ...args: unknown[]) => Promise<unknown> {
  return async function (this: Focus, ...args: unknown[]): Promise<unknown> {
    const picture = args[1];
    if (typeof picture === 'string' && picture.length > MAX_PICTURE_LENGTH) {
      throw new ExpressionError({
        reason: 'too_large',
        detail: `the $${name} picture has ${picture.length} characters, more than the ${MAX_PICTURE_LENGTH} allowed`,
      });
    }
    return (await originalBuiltin(name)).apply(this, args);
  };
}

/**
 * `$pad` with a width check first: the built-in allocates `new Array(width)` up front, and a width
 * in the hundreds of millions aborts the whole Node process (V8 "invalid size error"), which no
 * step hook can prevent. Otherwise it behaves like the built-in (widths count code points).
 */
export function boundedPad(
  maxLength: number,
): (str: string | undefined, width: number, char?: string) => string | undefined {
  return (str, width, char) => {
    if (str === undefined) return undefined;
    const fill = char === undefined || char.length === 0 ? ' ' : char;
    const target = Math.trunc(width);
    const padLength = Math.abs(target) - codePointLength(str);
    if (padLength <= 0) return str;
    if (Math.abs(target) > maxLength) {
      throw new ExpressionError({
        reason: 'too_large',
        detail: `$pad width ${Math.abs(target)} exceeds the limit of ${maxLength} characters`,
      });
    }
    const fillPoints = Array.from(fill);
    const repeated = fill.repeat(Math.ceil(padLength / fillPoints.length));
    const padding =
      fillPoints.length === fill.length
        ? repeated.slice(0, padLength)
        : Array.from(repeated).slice(0, padLength).join('');
    return target > 0 ? str + padding : padding + str;
  };
}

/** Code points in `text` (what JSONata's string functions count), without building an array of them. */
function codePointLength(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length - 1; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        index++;
      }
    }
  }
  return count;
}

/** `$length`: JSONata builds an array of every code point to count them (100 ms for 1 MiB). */
export function fastLength(text: string | undefined): number | undefined {
  return text === undefined ? undefined : codePointLength(text);
}

/**
 * `$substring` (positions count code points): JSONata builds an array of every code point and
 * slices it; here the UTF-16 offsets of the two positions are found by one scan.
 */
export function fastSubstring(text: string | undefined, start: number, length?: number): string | undefined {
  if (text === undefined) return undefined;
  const total = codePointLength(text);
  const from = total + start < 0 ? 0 : start;
  if (length === undefined) return sliceCodePoints(text, total, from, total);
  if (length <= 0) return '';
  return sliceCodePoints(text, total, from, from >= 0 ? from + length : total + from + length);
}

/** `Array.from(text).slice(start, end).join('')`, without the array. */
function sliceCodePoints(text: string, total: number, start: number, end: number): string {
  const from = arrayIndex(start, total);
  const to = arrayIndex(end, total);
  if (to <= from) return '';
  if (total === text.length) return text.slice(from, to);
  const fromOffset = offsetOfCodePoint(text, from, 0, 0);
  return text.slice(fromOffset, offsetOfCodePoint(text, to - from, fromOffset, 0));
}

/** A slice index as Array.prototype.slice reads it: truncated, negative from the end, clamped. */
function arrayIndex(index: number, length: number): number {
  const whole = Number.isNaN(index) ? 0 : Math.trunc(index);
  return whole < 0 ? Math.max(length + whole, 0) : Math.min(whole, length);
}

/** The UTF-16 offset `count` code points after `offset`. */
function offsetOfCodePoint(text: string, count: number, offset: number, counted: number): number {
  let index = offset;
  for (let seen = counted; seen < count && index < text.length; seen++) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    index += unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return index;
}
