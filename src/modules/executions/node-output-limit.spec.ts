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

describe('isWithinOutputLimit', () => {
  it('counts UTF-8 bytes, up to and including the limit', () => {
    expect(isWithinOutputLimit('x'.repeat(MAX_NODE_OUTPUT_BYTES))).toBe(true);
    expect(isWithinOutputLimit('x'.repeat(MAX_NODE_OUTPUT_BYTES + 1))).toBe(false);
    expect(isWithinOutputLimit('é'.repeat(MAX_NODE_OUTPUT_BYTES / 2 + 1))).toBe(false);
  });
});
