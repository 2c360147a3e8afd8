import type { FieldError } from '../../../platform/errors/domain-error.js';

/**
 * What a node type declares at definition time: its role, the JSON Schema of its `config`, and its
 * outputs. Runtime behaviour lives in a node handler registered with the execution engine.
 *
 * Outputs: `branches` lists the named outputs an edge may pick with `branch`. Edges without a
 * `branch` use the default output, which a type has when `defaultOutput` says so, or (when it is
 * left out) when `branches` is empty. So `condition` is `['true', 'false']` with no default output,
 * and `wait` is `['timeout']` with `defaultOutput: true`.
 */
export interface NodeTypeDefinition {
  /** `trigger.*` exactly when `role` is `trigger` (the catalog enforces it; see `isTriggerType`). */
  readonly type: string;
  readonly role: 'trigger' | 'step';
  /**
   * JSON Schema (draft 2020-12, compiled by ajv in strict mode with ajv-formats, `discriminator` and
   * `$data` on) of the node's `config`. A subschema may carry `errorMessage: string` to replace the
   * message of the errors it raises about its own value.
   */
  readonly configSchema: object;
  readonly branches: readonly string[];
  readonly defaultOutput?: boolean;
  /**
   * Rules JSON Schema cannot express. Runs only on configs the schema accepted; fields are
   * relative to the node, like `config.url`.
   */
  readonly checkConfig?: (config: Readonly<Record<string, unknown>>) => FieldError[];
}

export const TRIGGER_TYPE_PREFIX = 'trigger.';

/** Trigger types are named `trigger.*`, so code holding only a graph (the engine) can tell them apart. */
export function isTriggerType(type: string): boolean {
  return type.startsWith(TRIGGER_TYPE_PREFIX);
}

/** Whether edges without a `branch` may leave a node of this type. */
export function hasDefaultOutput(definition: NodeTypeDefinition): boolean {
  return definition.defaultOutput ?? definition.branches.length === 0;
}
