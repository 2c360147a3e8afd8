import { dottedKeyConflicts, dottedPathKeySchema, withRetry } from './config-schema-fragments.js';
import type { NodeTypeDefinition } from './node-type-definition.js';

const noConfig = withRetry({ type: 'object', additionalProperties: false, properties: {} });

/** A string holding at least one non-empty `{{ expression }}` (SPEC §11: `condition.expression` is a template). */
const templateString = {
  type: 'string',
  maxLength: 10_000,
  pattern: '\\{\\{\\s*[^\\s}][\\s\\S]*\\}\\}',
  errorMessage: 'must be a template containing a {{ expression }}, like "{{ trigger.body.amount > 100 }}"',
};

export const manualTriggerNodeType: NodeTypeDefinition = {
  type: 'trigger.manual',
  role: 'trigger',
  configSchema: noConfig,
  branches: [],
};

export const webhookTriggerNodeType: NodeTypeDefinition = {
  type: 'trigger.webhook',
  role: 'trigger',
  configSchema: noConfig,
  branches: [],
};

export const channelTriggerNodeType: NodeTypeDefinition = {
  type: 'trigger.channel',
  role: 'trigger',
  configSchema: withRetry({
    type: 'object',
    additionalProperties: false,
    required: ['channelId', 'event'],
    properties: {
      channelId: { type: 'string', format: 'uuid' },
      // Matched against the `:event` segment of channel ingress URLs.
      event: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
        pattern: '^[^\\s/?#]+$',
        errorMessage: 'must be a non-empty event name without spaces, /, ? or #',
      },
    },
  }),
  branches: [],
};

export const conditionNodeType: NodeTypeDefinition = {
  type: 'condition',
  role: 'step',
  configSchema: withRetry({
    type: 'object',
    additionalProperties: false,
    required: ['expression'],
    properties: { expression: templateString },
  }),
  branches: ['true', 'false'],
  defaultOutput: false,
};

export const transformNodeType: NodeTypeDefinition = {
  type: 'transform',
  role: 'step',
  configSchema: withRetry({
    type: 'object',
    additionalProperties: false,
    required: ['set'],
    // Values are any JSON; strings among them are templates.
    properties: { set: { type: 'object', minProperties: 1, maxProperties: 200, propertyNames: dottedPathKeySchema } },
  }),
  branches: [],
  checkConfig: (config) => dottedKeyConflicts(config.set, 'config.set'),
};

/** Node types the workflows module brings; other modules register theirs (action.http, wait, contact.update). */
export const coreNodeTypes: readonly NodeTypeDefinition[] = [
  manualTriggerNodeType,
  webhookTriggerNodeType,
  channelTriggerNodeType,
  conditionNodeType,
  transformNodeType,
];
