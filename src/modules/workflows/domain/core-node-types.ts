import type { NodeTypeDefinition } from './node-type-definition.js';
import { withRetry } from './node-retry.schema.js';

const noConfig = withRetry({ type: 'object', additionalProperties: false, properties: {} });

/** A string holding at least one `{{ expression }}`. */
const templateString = { type: 'string', minLength: 5, maxLength: 10_000, pattern: '\\{\\{[\\s\\S]*\\}\\}' };

/** Node types the engine itself brings; other modules register theirs (action.http, wait, contact.update). */
export const coreNodeTypes: readonly NodeTypeDefinition[] = [
  { type: 'trigger.manual', role: 'trigger', configSchema: noConfig, branches: [], defaultOutput: true },
  { type: 'trigger.webhook', role: 'trigger', configSchema: noConfig, branches: [], defaultOutput: true },
  {
    type: 'trigger.channel',
    role: 'trigger',
    configSchema: withRetry({
      type: 'object',
      additionalProperties: false,
      required: ['channelId', 'event'],
      properties: { channelId: { type: 'string', format: 'uuid' }, event: { type: 'string', minLength: 1, maxLength: 100 } },
    }),
    branches: [],
    defaultOutput: true,
  },
  {
    type: 'condition',
    role: 'step',
    configSchema: withRetry({ type: 'object', additionalProperties: false, required: ['expression'], properties: { expression: templateString } }),
    branches: ['true', 'false'],
    defaultOutput: false,
  },
  {
    type: 'transform',
    role: 'step',
    configSchema: withRetry({
      type: 'object',
      additionalProperties: false,
      required: ['set'],
      properties: { set: { type: 'object', minProperties: 1, maxProperties: 200, propertyNames: { minLength: 1, maxLength: 200 } } },
    }),
    branches: [],
    defaultOutput: true,
  },
];
