import { dottedKeyConflicts, dottedPathKeySchema, withRetry, type NodeTypeDefinition } from '../../workflows/index.js';

/** `contact.update` (SPEC §5, §6.4): writes values (any JSON; strings are templates) into the execution's contact fields. */
export const contactUpdateNodeType: NodeTypeDefinition = {
  type: 'contact.update',
  role: 'step',
  configSchema: withRetry({
    type: 'object',
    additionalProperties: false,
    required: ['fields'],
    properties: {
      fields: { type: 'object', minProperties: 1, maxProperties: 200, propertyNames: dottedPathKeySchema },
    },
  }),
  branches: [],
  checkConfig: (config) => dottedKeyConflicts(config.fields, 'config.fields'),
};
