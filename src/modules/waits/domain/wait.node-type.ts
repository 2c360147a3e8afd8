import { withRetry, type NodeTypeDefinition } from '../../workflows/index.js';

const ONE_SECOND_IN_HOURS = 1 / 3600;
const HOURS_IN_A_YEAR = 8760;
const SECONDS_IN_A_YEAR = 31_536_000;

/**
 * `wait` (SPEC §5, §8): until its resume URL is called (`webhook`), for some seconds (`interval`),
 * or until a moment (`until`). Its normal output is the default one; a `timeout` branch, when
 * connected, is followed when a webhook wait expires.
 */
export const waitNodeType: NodeTypeDefinition = {
  type: 'wait',
  role: 'step',
  configSchema: {
    type: 'object',
    required: ['mode'],
    properties: { mode: { enum: ['webhook', 'interval', 'until'] } },
    // The mode picks the one schema that applies, so errors come from that schema only.
    discriminator: { propertyName: 'mode' },
    oneOf: [
      withRetry({
        type: 'object',
        additionalProperties: false,
        required: ['mode'],
        properties: {
          mode: { const: 'webhook' },
          timeoutHours: {
            type: 'number',
            minimum: ONE_SECOND_IN_HOURS,
            maximum: HOURS_IN_A_YEAR,
            errorMessage: `must be a number of hours from 1/3600 (one second) up to ${HOURS_IN_A_YEAR}`,
          },
        },
      }),
      withRetry({
        type: 'object',
        additionalProperties: false,
        required: ['mode', 'seconds'],
        properties: {
          mode: { const: 'interval' },
          seconds: {
            type: 'number',
            exclusiveMinimum: 0,
            maximum: SECONDS_IN_A_YEAR,
            errorMessage: `must be a number of seconds above 0 and up to ${SECONDS_IN_A_YEAR}`,
          },
        },
      }),
      withRetry({
        type: 'object',
        additionalProperties: false,
        required: ['mode', 'at'],
        properties: { mode: { const: 'until' }, at: { type: 'string', format: 'date-time' } },
      }),
    ],
  },
  branches: ['timeout'],
  defaultOutput: true,
};
