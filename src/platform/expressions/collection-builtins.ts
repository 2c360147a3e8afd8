import { budgetOf } from './budget-binding.js';
import { jsonataError, newSequence, type Focus } from './builtin-focus.js';
import { distinctValues } from './distinct-values.js';

/*
 * Collection built-ins whose JSONata implementation is quadratic (or worse) in the array length,
 * replaced by linear ones with the same results (see bounded-builtins.ts).
 */

function isSequence(value: unknown[]): boolean {
  return (value as { sequence?: unknown }).sequence === true;
}

/** `$distinct`: see distinctValues. Values compared are bounded like any string the template builds. */
export function boundedDistinct(this: Focus, values: unknown): unknown {
  if (!Array.isArray(values) || values.length <= 1) return values;
  const kept = isSequence(values) ? newSequence(this) : [];
  const maxChars = budgetOf(this.environment).limits.maxResultBytes;
  // Array.prototype.push, not the sequence's own (which checks the length limit per call): the
  // result is never longer than the input.
  distinctValues(values as unknown[], (value) => Array.prototype.push.call(kept, value), maxChars);
  return kept;
}

/**
 * `$sort`. Without a comparator JSONata's merge sort awaits a promise per comparison and copies
 * the rest of the array at each (100,000 numbers: minutes, then out of memory); here it is one
 * synchronous stable sort in the same order, with the same error for mixed arrays. With a
 * comparator the same merge sort runs (so the comparator sees the same pairs in the same order),
 * without the copies; every comparison is a call of the comparator, so the budget stops it.
 */
export async function synchronousSort(
  this: Focus,
  values: unknown[] | undefined,
  comparator?: Comparator,
): Promise<unknown> {
  if (values === undefined) return undefined;
  if (values.length <= 1) return values;
  if (comparator !== undefined) return mergeSort(values, comparator);
  if (!values.every(isNumber) && !values.every((value) => typeof value === 'string')) {
    throw jsonataError('D3070', { index: 1 });
  }
  return [...(values as (number | string)[])].sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
}

type Comparator = (left: unknown, right: unknown) => unknown;

async function mergeSort(values: unknown[], swapped: Comparator): Promise<unknown[]> {
  if (values.length <= 1) return values;
  const middle = Math.floor(values.length / 2);
  const left = await mergeSort(values.slice(0, middle), swapped);
  const right = await mergeSort(values.slice(middle), swapped);
  const merged: unknown[] = [];
  let l = 0;
  let r = 0;
  while (l < left.length && r < right.length) {
    if (await swapped(left[l], right[r])) merged.push(right[r++]);
    else merged.push(left[l++]);
  }
  while (l < left.length) merged.push(left[l++]);
  while (r < right.length) merged.push(right[r++]);
  return merged;
}

/** JSONata's isNumeric: NaN is not a number, an infinite one is an error. */
function isNumber(value: unknown): boolean {
  if (typeof value !== 'number' || Number.isNaN(value)) return false;
  if (!Number.isFinite(value)) throw jsonataError('D1001', { value });
  return true;
}

/**
 * `$spread`. JSONata appends each item's spread to a copy of the result so far (quadratic: 26 s
 * for 20,000 objects); here the parts are collected once, with the same result shape (a sequence
 * for one object, an array for an array, the value itself for anything else).
 */
export function linearSpread(this: Focus, value: unknown): unknown {
  if (!Array.isArray(value)) return spreadOne(this, value);
  const maxLength = sequenceLimit(this);
  let parts: unknown[] | undefined;
  for (const item of value) {
    const spread = linearSpread.call(this, item);
    if (spread === undefined) continue;
    parts ??= [];
    if (Array.isArray(spread)) for (const part of spread) parts.push(part);
    else parts.push(spread);
    if (parts.length > maxLength) throw jsonataError('D2015', { value: parts.length });
  }
  return parts ?? newSequence(this);
}

function spreadOne(focus: Focus, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || (value as { _jsonata_lambda?: unknown })._jsonata_lambda === true)
    return value;
  const parts = newSequence(focus);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const part: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    part[key] = record[key];
    parts.push(part);
  }
  return parts;
}

function sequenceLimit(focus: Focus): number {
  return budgetOf(focus.environment).limits.maxSequenceLength;
}
