/**
 * What a node type declares at definition time: its role, the JSON Schema of its `config`, and its
 * outputs. Runtime behaviour lives in a node handler registered with the execution engine.
 */
export interface NodeTypeDefinition {
  readonly type: string;
  readonly role: 'trigger' | 'step';
  /** JSON Schema (ajv) of the node's `config`. */
  readonly configSchema: object;
  /** Named outputs an edge may pick with `branch` (`true`/`false` for condition, `timeout` for wait). */
  readonly branches: readonly string[];
  /** Whether edges without a branch (the normal output) are allowed. */
  readonly defaultOutput: boolean;
}
