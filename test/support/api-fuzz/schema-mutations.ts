import { LONE_SURROGATE_STRING, NUL_STRING } from './hostile-values.js';
import type { JsonSchema } from './openapi-operations.js';
import { isPlainObject, kindOf } from './schema-values.js';

type PathStep = string | number;

/** One change to a valid value; `mustRefuse` when the document (or SPEC §12) says the result is invalid. */
export interface ValueMutation {
  label: string;
  mustRefuse: boolean;
  apply(valid: unknown): unknown;
}

const VERY_LONG_LENGTH = 100_000;

/**
 * Every single-point mutation of `valid` the schema makes meaningful: missing required properties,
 * unknown ones, wrong types, values outside enums, lengths, ranges and formats, NUL and lone surrogates.
 * Schemaless parts (payloads, inputs, node configs) are data: only their nesting is mutated elsewhere.
 */
export function mutationsOf(schema: JsonSchema, valid: unknown): ValueMutation[] {
  const mutations: ValueMutation[] = [];
  visit(schema, valid, [], mutations);
  return mutations;
}

function visit(schema: JsonSchema, value: unknown, path: PathStep[], out: ValueMutation[]): void {
  const where = path.length === 0 ? 'body' : path.join('.');
  const replace = (label: string, mustRefuse: boolean, next: unknown) =>
    out.push({ label: `${where}: ${label}`, mustRefuse, apply: (root) => setAt(root, path, next) });
  if (value === null || value === undefined) return;
  if (schema.enum) replace('value outside the enum', true, 'not-in-enum');
  switch (kindOf(schema)) {
    case 'string':
      return visitString(schema, replace);
    case 'number':
    case 'integer':
      replace('string instead of number', true, 'abc');
      if (schema.minimum !== undefined) replace(`below minimum ${schema.minimum}`, true, schema.minimum - 1);
      if (schema.maximum !== undefined) replace(`above maximum ${schema.maximum}`, true, schema.maximum + 1);
      replace('1e308', schema.maximum !== undefined, 1e308);
      if (!schema.nullable) replace('null', true, null);
      return;
    case 'boolean':
      replace('string instead of boolean', true, 'yes');
      return;
    case 'array':
      replace('object instead of array', true, { not: 'an array' });
      if (schema.maxItems !== undefined && Array.isArray(value) && value.length > 0) {
        replace(
          `more than maxItems ${schema.maxItems}`,
          true,
          Array.from({ length: schema.maxItems + 1 }, () => value[0]),
        );
      }
      if (Array.isArray(value) && schema.items)
        value.forEach((item, i) => visit(schema.items!, item, [...path, i], out));
      return;
    case 'object':
      return visitObject(schema, value, path, out, replace);
    default:
      return;
  }
}

function visitString(schema: JsonSchema, replace: (label: string, mustRefuse: boolean, next: unknown) => void): void {
  replace('number instead of string', true, 12345);
  if (schema.maxLength !== undefined)
    replace(`longer than maxLength ${schema.maxLength}`, true, 'L'.repeat(schema.maxLength + 1));
  if ((schema.minLength ?? 0) > 0) replace('empty string', true, '');
  if (schema.format === 'email') replace('not an email', true, 'not-an-email');
  if (schema.format === 'uuid') replace('not a uuid', true, 'not-a-uuid');
  if (schema.pattern) replace(`not matching ${schema.pattern}`, true, ' not matching ');
  replace('NUL character', true, NUL_STRING);
  replace('lone surrogate', true, LONE_SURROGATE_STRING);
  replace(
    `${VERY_LONG_LENGTH} characters`,
    schema.maxLength !== undefined && schema.maxLength < VERY_LONG_LENGTH,
    'V'.repeat(VERY_LONG_LENGTH),
  );
}

function visitObject(
  schema: JsonSchema,
  value: unknown,
  path: PathStep[],
  out: ValueMutation[],
  replace: (label: string, mustRefuse: boolean, next: unknown) => void,
): void {
  if (!isPlainObject(value)) return;
  const properties = schema.properties ?? {};
  replace('array instead of object', true, [value]);
  if (Object.keys(properties).length === 0) {
    // A string map: its values are typed even when its keys are free.
    if (typeof schema.additionalProperties === 'object' && schema.additionalProperties.type === 'string') {
      replace('map value that is not a string', true, { ...value, fuzzKey: 42 });
      replace('map value with a NUL character', false, { ...value, fuzzKey: NUL_STRING });
    }
    return;
  }
  const where = path.length === 0 ? 'body' : path.join('.');
  // §2: unknown body properties are refused, unless the schema opens the object.
  if (schema.additionalProperties === undefined || schema.additionalProperties === false) {
    out.push({
      label: `${where}: unknown property`,
      mustRefuse: true,
      apply: (root) => setAt(root, path, { ...value, fuzzUnknownProperty: 1 }),
    });
  }
  for (const name of schema.required ?? []) {
    out.push({
      label: `${where}: required ${name} missing`,
      mustRefuse: true,
      apply: (root) => setAt(root, path, withoutKey(value, name)),
    });
  }
  for (const [name, property] of Object.entries(properties)) {
    if (name in value) visit(property, value[name], [...path, name], out);
  }
}

function withoutKey(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

/** A copy of `root` with the value at `path` replaced (the root itself when the path is empty). */
export function setAt(root: unknown, path: PathStep[], next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cursor = copy;
  for (const step of path.slice(0, -1)) cursor = cursor[step] as Record<string | number, unknown>;
  cursor[path[path.length - 1]] = next;
  return copy;
}
