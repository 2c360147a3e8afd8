import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FieldError } from '../../../platform/errors/domain-error.js';
import { findTemplateErrorsDeep } from '../../../platform/expressions/template.js';
import { isTriggerType, type NodeTypeDefinition } from './node-type-definition.js';

// ajv-formats is CommonJS: under NodeNext its default import is typed as the module namespace,
// while at run time it is the plugin function itself.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const TYPE_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

/** Keywords that only summarise errors of their subschemas, which are reported themselves. */
const SUMMARY_KEYWORDS = new Set(['if', 'oneOf', 'anyOf', 'discriminator', 'propertyNames']);

const FORMAT_MESSAGES: Readonly<Record<string, string>> = {
  uuid: 'must be a UUID',
  'date-time': 'must be an ISO-8601 date-time with a time zone, like 2026-01-31T09:30:00Z',
  uri: 'must be an absolute URI',
};

interface Entry {
  definition: NodeTypeDefinition;
  validate: ValidateFunction;
}

/**
 * The registry of node types: the one place modules extend the workflow language. Each config
 * schema is compiled once, at registration.
 */
export class NodeTypeCatalog {
  private readonly ajv: Ajv2020;
  private readonly entries = new Map<string, Entry>();

  constructor() {
    this.ajv = addFormats(
      new Ajv2020({ allErrors: true, strict: true, verbose: true, discriminator: true, $data: true }),
    );
    this.ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  }

  /** Throws on a duplicate or malformed definition (a programming error, found at startup). */
  register(definition: NodeTypeDefinition): void {
    const { type } = definition;
    if (this.entries.has(type)) throw new Error(`node type "${type}" is registered twice`);
    if (!TYPE_NAME.test(type)) throw new Error(`node type "${type}": the name must be lowercase dotted words`);
    if (isTriggerType(type) !== (definition.role === 'trigger')) {
      throw new Error(`node type "${type}": trigger types, and only they, must be named trigger.*`);
    }
    if (
      new Set(definition.branches).size !== definition.branches.length ||
      definition.branches.some((branch) => branch === '')
    ) {
      throw new Error(`node type "${type}": branches must be distinct non-empty names`);
    }
    let validate: ValidateFunction;
    try {
      validate = this.ajv.compile(definition.configSchema);
    } catch (error) {
      throw new Error(
        `node type "${type}": invalid config schema: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    this.entries.set(type, { definition, validate });
  }

  has(type: string): boolean {
    return this.entries.has(type);
  }

  get(type: string): NodeTypeDefinition | undefined {
    return this.entries.get(type)?.definition;
  }

  /** Registered type names, sorted. */
  types(): string[] {
    return [...this.entries.keys()].sort();
  }

  /**
   * Field errors of a config (schema, the type's own checks, template syntax), with fields like
   * `config.seconds` and human messages; [] when valid.
   * An unknown type yields one error on `type`.
   */
  validateConfig(type: string, config: unknown): FieldError[] {
    const entry = this.entries.get(type);
    if (!entry)
      return [{ field: 'type', message: `unknown node type "${type}" (known types: ${this.types().join(', ')})` }];
    if (!entry.validate(config)) return toFieldErrors(entry.validate.errors ?? []);
    const checked = entry.definition.checkConfig && isRecord(config) ? entry.definition.checkConfig(config) : [];
    if (checked.length > 0) return checked;
    // Every node type's templates are compiled at save time: a syntax error is a 400 now, not a failed run later.
    const templateError = findTemplateErrorsDeep(config);
    return templateError === null
      ? []
      : [{ field: 'config', message: `has a template that does not compile: ${templateError}` }];
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toFieldErrors(errors: readonly ErrorObject[]): FieldError[] {
  const result: FieldError[] = [];
  const seen = new Set<string>();
  const add = (error: FieldError): void => {
    const key = `${error.field}\u0000${error.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    result.push(error);
  };
  // ajv reports a bad key as the key schema's errors followed by one `propertyNames` error naming the key.
  let keyErrors: ErrorObject[] = [];
  for (const error of errors) {
    if (error.schemaPath.includes('/propertyNames/')) {
      keyErrors.push(error);
    } else if (error.keyword === 'propertyNames') {
      const field = fieldOf(error, String(error.params.propertyName));
      for (const keyError of keyErrors) add({ field, message: `is not a valid key: ${messageOf(keyError)}` });
      keyErrors = [];
    } else if (!SUMMARY_KEYWORDS.has(error.keyword)) {
      add(toFieldError(error));
    }
  }
  if (result.length === 0) for (const error of errors) add(toFieldError(error));
  return result;
}

function toFieldError(error: ErrorObject): FieldError {
  if (error.keyword === 'required')
    return { field: fieldOf(error, String(error.params.missingProperty)), message: 'is required' };
  if (error.keyword === 'additionalProperties')
    return { field: fieldOf(error, String(error.params.additionalProperty)), message: 'is not allowed' };
  return { field: fieldOf(error), message: messageOf(error) };
}

/** `/auth/credentialId` → `config.auth.credentialId` (JSON Pointer escapes undone). */
function fieldOf(error: ErrorObject, child?: string): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) segments.push(child);
  return ['config', ...segments].join('.');
}

function messageOf(error: ErrorObject): string {
  const custom: unknown = error.parentSchema?.errorMessage;
  if (typeof custom === 'string') return custom;
  const params: Readonly<Record<string, unknown>> = error.params;
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${listOf(params.allowedValues)}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'format':
      return FORMAT_MESSAGES[String(params.format)] ?? `must be a valid ${String(params.format)}`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters long`;
    case 'minProperties':
      return `must have at least ${String(params.limit)} ${params.limit === 1 ? 'entry' : 'entries'}`;
    case 'maxProperties':
      return `must have at most ${String(params.limit)} entries`;
    case 'false schema':
      return 'is not allowed';
    default:
      return error.message ?? 'is invalid';
  }
}

function listOf(values: unknown): string {
  return Array.isArray(values) ? values.map((value) => JSON.stringify(value)).join(', ') : String(values);
}
