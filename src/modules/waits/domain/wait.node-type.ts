import type { NodeTypeDefinition } from '../../workflows/domain/node-type-definition.js';
import { nodeRetrySchema } from '../../workflows/domain/node-retry.schema.js';

const ONE_SECOND_IN_HOURS = 1 / 3600;

/** `wait`: until its resume URL is called (webhook), for some seconds (interval), or until a time. */
export const waitNodeType: NodeTypeDefinition = {
  type: 'wait',
  role: 'step',
  configSchema: {
    type: 'object',
    required: ['mode'],
    oneOf: [
      {
        type: 'object',
        additionalProperties: false,
        required: ['mode'],
        properties: { mode: { const: 'webhook' }, timeoutHours: { type: 'number', minimum: ONE_SECOND_IN_HOURS, maximum: 8760 }, retry: nodeRetrySchema },
      },
      {
        type: 'object',
        additionalProperties: false,
        required: ['mode', 'seconds'],
        properties: { mode: { const: 'interval' }, seconds: { type: 'number', exclusiveMinimum: 0, maximum: 31_536_000 }, retry: nodeRetrySchema },
      },
      {
        type: 'object',
        additionalProperties: false,
        required: ['mode', 'at'],
        properties: { mode: { const: 'until' }, at: { type: 'string', format: 'date-time' }, retry: nodeRetrySchema },
      },
    ],
  },
  branches: ['timeout'],
  defaultOutput: true,
};
