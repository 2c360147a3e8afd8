import type { NodeTypeDefinition } from '../../workflows/domain/node-type-definition.js';
import { withRetry } from '../../workflows/domain/node-retry.schema.js';

/** `contact.update`: writes templated values into the execution's contact fields. */
export const contactUpdateNodeType: NodeTypeDefinition = {
  type: 'contact.update',
  role: 'step',
  configSchema: withRetry({
    type: 'object',
    additionalProperties: false,
    required: ['fields'],
    properties: { fields: { type: 'object', minProperties: 1, maxProperties: 200, propertyNames: { minLength: 1, maxLength: 100 } } },
  }),
  branches: [],
  defaultOutput: true,
};
