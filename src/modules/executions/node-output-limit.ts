import { toPostgresJson } from '../../platform/database/postgres-text.js';
import { NodeError } from './domain/node-error.js';

/** SPEC §5: node outputs larger than 1 MiB are refused with a clear node error. */
export const MAX_NODE_OUTPUT_BYTES = 1_048_576;

/** The serialised output of a completed or waiting result (null: it has none); see serializeOutput. */
export function serializedOutputOf(result: { output?: unknown }): string | null {
  return result.output === undefined ? null : serializeOutput(result.output);
}

/** Serialises a node's output once, refusing what is too large or not JSON. */
export function serializeOutput(output: unknown): string {
  const json = toPostgresJson(output ?? null);
  if (!isWithinOutputLimit(json)) {
    throw new NodeError('output_too_large', `The node output is larger than ${MAX_NODE_OUTPUT_BYTES} bytes.`, false);
  }
  return json;
}

/** Whether serialised JSON fits the node output limit. */
export function isWithinOutputLimit(json: string): boolean {
  return Buffer.byteLength(json, 'utf8') <= MAX_NODE_OUTPUT_BYTES;
}
