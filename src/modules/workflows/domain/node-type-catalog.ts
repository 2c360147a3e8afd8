import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FieldError } from '../../../platform/errors/domain-error.js';
import type { NodeTypeDefinition } from './node-type-definition.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/**
 * The registry of node types: the one place modules extend the workflow language. Each config schema
 * is compiled once.
 */
export class NodeTypeCatalog {
  private readonly ajv = addFormats(new Ajv2020({ allErrors: true, strict: true }));
  private readonly definitions = new Map<string, { definition: NodeTypeDefinition; validate: ValidateFunction }>();

  register(definition: NodeTypeDefinition): void {
    if (this.definitions.has(definition.type)) throw new Error(`node type ${definition.type} is registered twice`);
    this.definitions.set(definition.type, { definition, validate: this.ajv.compile(definition.configSchema) });
  }

  has(type: string): boolean {
    return this.definitions.has(type);
  }

  get(type: string): NodeTypeDefinition | undefined {
    return this.definitions.get(type)?.definition;
  }

  types(): string[] {
    return [...this.definitions.keys()].sort();
  }

  /** Field errors of a config, with fields like `config.seconds`. Unknown types yield one error on `type`. */
  validateConfig(type: string, config: unknown): FieldError[] {
    const entry = this.definitions.get(type);
    if (!entry) return [{ field: 'type', message: `unknown node type "${type}" (known: ${this.types().join(', ')})` }];
    if (entry.validate(config)) return [];
    return (entry.validate.errors ?? []).map(toFieldError);
  }
}

function toFieldError(error: ErrorObject): FieldError {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') path.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') path.push(String(error.params.additionalProperty));
  const field = ['config', ...path].join('.');
  const message = error.keyword === 'additionalProperties' ? 'is not allowed' : (error.message ?? 'is invalid');
  return { field, message };
}
