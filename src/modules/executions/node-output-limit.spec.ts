import { MAX_STORED_JSON_DEPTH } from '../../platform/database/postgres-text.js';
import { NodeError } from './domain/node-error.js';
import { isWithinOutputLimit, MAX_NODE_OUTPUT_BYTES, serializeOutput } from './node-output-limit.js';

describe('serializeOutput', () => {
  it('serialises outputs up to 1 MiB', () => {
    expect(serializeOutput({ a: 1 })).toBe('{"a":1}');
    expect(serializeOutput(undefined)).toBe('null');
  });

  it('refuses larger outputs with a non-retryable output_too_large error', () => {
    let error: unknown;
    try {
      serializeOutput({ blob: 'x'.repeat(MAX_NODE_OUTPUT_BYTES) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NodeError);
    expect(error).toMatchObject({ errorClass: 'output_too_large', retryable: false });
  });
});

describe('serializeOutput nesting', () => {
  it('refuses an output nesting deeper than stored JSON may, with a non-retryable output_too_deep error', () => {
    let deep: unknown = 1;
    for (let i = 0; i <= MAX_STORED_JSON_DEPTH; i++) deep = { a: deep };
    expect(() => serializeOutput(deep)).toThrow(
      expect.objectContaining({
        errorClass: 'output_too_deep',
        retryable: false,
        message: `The node output nests deeper than ${MAX_STORED_JSON_DEPTH} levels.`,
      }),
    );
  });
});

describe('isWithinOutputLimit', () => {
  it('counts UTF-8 bytes, up to and including the limit', () => {
    expect(isWithinOutputLimit('x'.repeat(MAX_NODE_OUTPUT_BYTES))).toBe(true);
    expect(isWithinOutputLimit('x'.repeat(MAX_NODE_OUTPUT_BYTES + 1))).toBe(false);
    expect(isWithinOutputLimit('é'.repeat(MAX_NODE_OUTPUT_BYTES / 2 + 1))).toBe(false);
  });
});
