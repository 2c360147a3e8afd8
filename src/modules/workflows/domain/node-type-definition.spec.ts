import { hasDefaultOutput, isTriggerType, type NodeTypeDefinition } from './node-type-definition.js';

const definition = (branches: string[], defaultOutput?: boolean): NodeTypeDefinition => ({
  type: 'x',
  role: 'step',
  configSchema: {},
  branches,
  ...(defaultOutput === undefined ? {} : { defaultOutput }),
});

describe('hasDefaultOutput', () => {
  it('defaults to a default output only for types without named branches', () => {
    expect(hasDefaultOutput(definition([]))).toBe(true);
    expect(hasDefaultOutput(definition(['true', 'false']))).toBe(false);
  });

  it('follows an explicit defaultOutput', () => {
    expect(hasDefaultOutput(definition(['timeout'], true))).toBe(true);
    expect(hasDefaultOutput(definition([], false))).toBe(false);
  });
});

describe('isTriggerType', () => {
  it.each([
    ['trigger.manual', true],
    ['trigger.webhook', true],
    ['trigger.channel', true],
    ['triggered', false],
    ['condition', false],
    ['action.http', false],
  ])('%s → %s', (type, expected) => {
    expect(isTriggerType(type)).toBe(expected);
  });
});
