import { JsonTooDeepError, MAX_STORED_JSON_DEPTH, toPostgresJson } from '../../platform/database/postgres-text.js';
import { NodeError } from './domain/node-error.js';

/** SPEC §5: node outputs larger than 1 MiB are refused with a clear node error. */
export const MAX_NODE_OUTPUT_BYTES = 1_048_576;

/** A completed or waiting result's output and input, serialised once for its row (null: it has none). */
export interface SerializedResult {
  output: string | null;
  input: string | null;
}

/** Serialises a result's output (see serializeOutput) and input, refusing an input that nests too deeply. */
export function serializeResult(result: { output?: unknown; input?: unknown }): SerializedResult {
  return {
    output: serializedOutputOf(result),
    input: result.input === undefined ? null : serializeInput(result.input),
  };
}

function serializeInput(input: unknown): string {
  try {
    return toPostgresJson(input);
  } catch (error) {
    if (error instanceof JsonTooDeepError)
      throw new NodeError('input_too_deep', `The node input nests deeper than ${MAX_STORED_JSON_DEPTH} levels.`, false);
    throw error;
  }
}

/** The serialised output of a completed or waiting result (null: it has none); see serializeOutput. */
function serializedOutputOf(result: { output?: unknown }): string | null {
  return result.output === undefined ? null : serializeOutput(result.output);
}

/** Serialises a node's output once, refusing what is too large, nests too deeply, or is not JSON. */
export function serializeOutput(output: unknown): string {
  let json: string;
  try {
    json = toPostgresJson(output ?? null);
  } catch (error) {
    if (error instanceof JsonTooDeepError)
      throw new NodeError(
        'output_too_deep',
        `The node output nests deeper than ${MAX_STORED_JSON_DEPTH} levels.`,
        false,
      );
    throw error;
  }
  if (!isWithinOutputLimit(json)) {
    throw new NodeError('output_too_large', `The node output is larger than ${MAX_NODE_OUTPUT_BYTES} bytes.`, false);
  }
  return json;
}

/** Whether serialised JSON fits the node output limit. */
export function isWithinOutputLimit(json: string): boolean {
  return Buffer.byteLength(json, 'utf8') <= MAX_NODE_OUTPUT_BYTES;
}
