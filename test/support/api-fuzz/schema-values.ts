import type { JsonSchema } from './openapi-operations.js';
import type { Prng } from './prng.js';
import { UNICODE_STRINGS } from './hostile-values.js';

/** Returned by an override to leave an optional property out. */
export const OMIT = Symbol('omit');
export type Generated = unknown | typeof OMIT;

/**
 * Values the schema alone cannot make valid (ids of seeded resources, a coherent graph, a credential's
 * data for its type), by dotted path from the body root (`config.url`, `nodes`).
 */
export type Overrides = Record<string, () => Generated>;

/** `typical`: realistic values; `boundary`: lengths, counts and numbers at their documented limits. */
export type ValueMode = 'typical' | 'boundary';

const DEFAULT_MAX_STRING = 40;
const BOUNDARY_STRING_CAP = 5000;
const BOUNDARY_ARRAY_CAP = 25;

export class SchemaValues {
  constructor(
    private readonly prng: Prng,
    private readonly mode: ValueMode,
    private readonly overrides: Overrides = {},
  ) {}

  /** A value the schema accepts (undefined never: OMIT only for an optional property). */
  value(schema: JsonSchema, path = ''): Generated {
    const override = this.overrides[path];
    if (override) return override();
    if (schema.enum)
      return this.mode === 'boundary' ? schema.enum[schema.enum.length - 1] : this.prng.pick(schema.enum);
    switch (kindOf(schema)) {
      case 'string':
        return this.string(schema);
      case 'number':
        return this.number(schema, false);
      case 'integer':
        return this.number(schema, true);
      case 'boolean':
        return this.prng.chance(0.5);
      case 'array':
        return this.array(schema, path);
      case 'object':
        return this.object(schema, path);
      default:
        return this.freeForm(schema);
    }
  }

  private string(schema: JsonSchema): string {
    if (schema.format === 'email') return this.email();
    if (schema.format === 'uuid') return this.prng.uuid();
    if (schema.format === 'date-time')
      return new Date(Date.UTC(2026, this.prng.int(0, 11), this.prng.int(1, 28))).toISOString();
    if (schema.pattern) return this.patterned(schema);
    const min = schema.minLength ?? 0;
    const max = schema.maxLength ?? DEFAULT_MAX_STRING;
    if (this.mode === 'boundary') {
      const length = this.prng.chance(0.5) ? Math.min(max, BOUNDARY_STRING_CAP) : Math.max(min, 1);
      return 'b'.repeat(length);
    }
    const base =
      typeof schema.example === 'string' && this.prng.chance(0.5)
        ? schema.example
        : this.prng.pick([`fuzz ${this.prng.int(1, 9999)}`, ...UNICODE_STRINGS]);
    return fit(base, min, max);
  }

  /** Unique within a run (emails are unique across tenants); the boundary one has a 64-character local part. */
  private email(): string {
    const unique = this.prng.uuid().slice(0, 8);
    const local = this.mode === 'boundary' ? `${'b'.repeat(56)}${unique}` : `fuzz.${unique}`;
    return `${local}@example.com`;
  }

  /** The one pattern the document uses is a node id; its example fits, and so does an identifier. */
  private patterned(schema: JsonSchema): string {
    const pattern = new RegExp(schema.pattern!);
    const candidates = [schema.example, `n${this.prng.int(0, 9999)}`, 'a'].filter(
      (value): value is string => typeof value === 'string',
    );
    const fitting = candidates.find((candidate) => pattern.test(candidate));
    if (!fitting) throw new Error(`no generator for pattern ${schema.pattern}`);
    return fitting;
  }

  private number(schema: JsonSchema, integer: boolean): number {
    const min = schema.minimum ?? 0;
    const max = schema.maximum ?? min + 20;
    if (this.mode === 'boundary') return this.prng.chance(0.5) ? min : (schema.maximum ?? min);
    if (typeof schema.example === 'number' && schema.example >= min && schema.example <= max && this.prng.chance(0.5))
      return schema.example;
    const value = min + this.prng.next() * Math.min(max - min, 1000);
    // The document says `number` where the API wants integers: a few fractions show that gap.
    return integer || this.prng.chance(0.9) ? Math.ceil(value) : value;
  }

  private array(schema: JsonSchema, path: string): unknown[] {
    const min = schema.minItems ?? 0;
    const max = schema.maxItems ?? 3;
    const length =
      this.mode === 'boundary'
        ? Math.min(max, BOUNDARY_ARRAY_CAP)
        : this.prng.int(min, Math.min(max, Math.max(min, 3)));
    if (!schema.items && Array.isArray(schema.example)) return schema.example;
    return Array.from({ length }, () => this.value(schema.items ?? {}, `${path}[]`)).filter((item) => item !== OMIT);
  }

  private object(schema: JsonSchema, path: string): Record<string, unknown> | unknown {
    const properties = schema.properties ?? {};
    if (Object.keys(properties).length === 0) {
      if (typeof schema.additionalProperties === 'object') return this.map(schema.additionalProperties, schema.example);
      return this.freeForm(schema);
    }
    const required = new Set(schema.required ?? []);
    const result: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(properties)) {
      const childPath = path ? `${path}.${name}` : name;
      const include =
        required.has(name) ||
        this.overrides[childPath] !== undefined ||
        (this.mode === 'boundary' ? true : this.prng.chance(0.5));
      if (!include) continue;
      const value = this.value(property, childPath);
      if (value !== OMIT) result[name] = value;
    }
    return result;
  }

  /** A string-keyed map (`additionalProperties: {type: string}`): the example when there is one. */
  private map(valueSchema: JsonSchema, example: unknown): Record<string, unknown> {
    if (isPlainObject(example) && this.prng.chance(0.7)) return example;
    const size = this.mode === 'boundary' ? 20 : this.prng.int(1, 3);
    return Object.fromEntries(Array.from({ length: size }, (_, i) => [`key${i}`, this.value(valueSchema)]));
  }

  /** Schemaless JSON (payloads, inputs): the example when there is one, else a small document. */
  private freeForm(schema: JsonSchema): unknown {
    if (schema.example !== undefined && schema.example !== null && this.prng.chance(0.6))
      return structuredClone(schema.example);
    return {
      note: this.prng.pick(UNICODE_STRINGS),
      amount: this.prng.int(0, 500),
      flags: [this.prng.chance(0.5), null],
      nested: { id: this.prng.uuid(), depth: { level: 2 } },
    };
  }
}

export function kindOf(schema: JsonSchema): JsonSchema['type'] | undefined {
  if (schema.type) return schema.type;
  if (schema.properties || schema.additionalProperties !== undefined) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `text` padded to `min` and cut to `max` UTF-16 units without splitting a surrogate pair. */
function fit(text: string, min: number, max: number): string {
  const padded = text.length < min ? text + 'x'.repeat(min - text.length) : text;
  let result = '';
  for (const character of padded) {
    if (result.length + character.length > max) break;
    result += character;
  }
  return result;
}
