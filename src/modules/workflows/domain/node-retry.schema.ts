/** Per-node engine retry policy any node config may carry: `retry: { maxAttempts, backoffMs }`. */
export const nodeRetrySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    maxAttempts: { type: 'integer', minimum: 1, maximum: 10 },
    backoffMs: { type: 'integer', minimum: 0, maximum: 3_600_000 },
  },
} as const;

/** A config schema with the shared `retry` property added. */
export function withRetry(schema: { properties?: Record<string, unknown> } & Record<string, unknown>): object {
  return { ...schema, properties: { ...(schema.properties ?? {}), retry: nodeRetrySchema } };
}
