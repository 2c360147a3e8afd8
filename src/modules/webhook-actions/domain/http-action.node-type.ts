import type { NodeTypeDefinition } from '../../workflows/domain/node-type-definition.js';
import { nodeRetrySchema } from '../../workflows/domain/node-retry.schema.js';

const stringMap = { type: 'object', additionalProperties: { type: 'string', maxLength: 8192 }, maxProperties: 100 };
const uuid = { type: 'string', format: 'uuid' };

/**
 * `action.http` (SPEC §7). A literal URL must be http(s); a templated one (`{{ }}`) is checked when
 * it is rendered, by the SSRF guard.
 */
export const httpActionNodeType: NodeTypeDefinition = {
  type: 'action.http',
  role: 'step',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['method', 'url'],
    properties: {
      method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] },
      url: { type: 'string', minLength: 1, maxLength: 8192, pattern: '^(https?://|[\\s\\S]*\\{\\{)' },
      headers: stringMap,
      query: stringMap,
      body: {},
      auth: {
        type: 'object',
        additionalProperties: false,
        required: ['type'],
        properties: {
          type: { enum: ['none', 'basic', 'bearer', 'api_key'] },
          credentialId: uuid,
          headerName: { type: 'string', pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$" },
          queryParam: { type: 'string', minLength: 1, maxLength: 100 },
        },
        if: { properties: { type: { not: { const: 'none' } } } },
        then: { properties: { credentialId: uuid }, required: ['credentialId'] },
      },
      timeoutMs: { type: 'integer', minimum: 1, maximum: 30_000 },
      retry: {
        type: 'object',
        additionalProperties: false,
        properties: {
          maxAttempts: { type: 'integer', minimum: 1, maximum: 10 },
          initialDelayMs: { type: 'integer', minimum: 0, maximum: 3_600_000 },
          maxDelayMs: { type: 'integer', minimum: 0, maximum: 3_600_000 },
          backoffMs: nodeRetrySchema.properties.backoffMs,
        },
      },
      responseMapping: { type: 'object', additionalProperties: { type: 'string', minLength: 1, maxLength: 500 }, maxProperties: 100 },
      signing: { type: 'object', additionalProperties: false, required: ['credentialId'], properties: { credentialId: uuid } },
      maxResponseBytes: { type: 'integer', minimum: 1, maximum: 10_485_760 },
      rateLimitPerSecond: { type: 'number', exclusiveMinimum: 0, maximum: 10_000 },
    },
  },
  branches: [],
  defaultOutput: true,
};
