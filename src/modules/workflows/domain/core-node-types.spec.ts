import { coreNodeTypes } from './core-node-types.js';
import { NodeTypeCatalog } from './node-type-catalog.js';
import { hasDefaultOutput } from './node-type-definition.js';

const CHANNEL = '3f0c1f0e-7a52-4a0e-a0a5-6d1c1b8f2a10';

describe('coreNodeTypes', () => {
  const catalog = new NodeTypeCatalog();
  for (const definition of coreNodeTypes) catalog.register(definition);
  const errors = (type: string, config: unknown) => catalog.validateConfig(type, config);

  it('declares the five core types with their roles and outputs', () => {
    expect(
      coreNodeTypes.map((definition) => [
        definition.type,
        definition.role,
        definition.branches,
        hasDefaultOutput(definition),
      ]),
    ).toEqual([
      ['trigger.manual', 'trigger', [], true],
      ['trigger.webhook', 'trigger', [], true],
      ['trigger.channel', 'trigger', [], true],
      ['condition', 'step', ['true', 'false'], false],
      ['transform', 'step', [], true],
    ]);
  });

  it.each([
    ['trigger.manual', {}],
    ['trigger.webhook', {}],
    ['trigger.manual', { retry: { maxAttempts: 2, backoffMs: 100 } }],
    ['trigger.channel', { channelId: CHANNEL, event: 'message' }],
    ['trigger.channel', { channelId: CHANNEL, event: 'message.received', retry: { maxAttempts: 1 } }],
    ['condition', { expression: '{{ trigger.body.amount > 100 }}' }],
    ['condition', { expression: '{{contact.fields.tier = "gold"}}' }],
    ['condition', { expression: 'tier: {{ contact.fields.tier }}' }],
    ['condition', { expression: '{{ $exists(trigger.body.x) }}', retry: { backoffMs: 0 } }],
    ['transform', { set: { a: 'x' } }],
    [
      'transform',
      { set: { 'a.b': '{{ trigger.body }}', n: 1, flag: true, list: [1, 'x'], obj: { deep: null }, nothing: null } },
    ],
    ['transform', { set: { 'a.b': 1, 'a.c': 2 } }],
  ])('accepts %s %j', (type, config) => {
    expect(errors(type, config)).toEqual([]);
  });

  it.each([
    ['trigger.manual', { anything: 1 }, 'config.anything', 'is not allowed'],
    ['trigger.webhook', { path: '/x' }, 'config.path', 'is not allowed'],
    ['trigger.manual', null, 'config', 'must be object'],
    ['trigger.manual', { retry: { maxAttempts: 0 } }, 'config.retry.maxAttempts', 'must be >= 1'],
    ['trigger.manual', { retry: { maxAttempts: 11 } }, 'config.retry.maxAttempts', 'must be <= 10'],
    ['trigger.manual', { retry: { maxAttempts: 1.5 } }, 'config.retry.maxAttempts', 'must be integer'],
    ['trigger.manual', { retry: { backoffMs: -1 } }, 'config.retry.backoffMs', 'must be >= 0'],
    ['trigger.manual', { retry: { backoffMs: 3_600_001 } }, 'config.retry.backoffMs', 'must be <= 3600000'],
    ['trigger.manual', { retry: { attempts: 2 } }, 'config.retry.attempts', 'is not allowed'],
    ['trigger.channel', { event: 'message' }, 'config.channelId', 'is required'],
    ['trigger.channel', { channelId: CHANNEL }, 'config.event', 'is required'],
    ['trigger.channel', { channelId: 'nope', event: 'message' }, 'config.channelId', 'must be a UUID'],
    ['trigger.channel', { channelId: CHANNEL, event: '' }, 'config.event', expect.stringContaining('non-empty')],
    [
      'trigger.channel',
      { channelId: CHANNEL, event: 'a b' },
      'config.event',
      expect.stringContaining('without spaces'),
    ],
    ['trigger.channel', { channelId: CHANNEL, event: 'message', extra: 1 }, 'config.extra', 'is not allowed'],
    ['condition', {}, 'config.expression', 'is required'],
    [
      'condition',
      { expression: 'trigger.body.amount > 100' },
      'config.expression',
      expect.stringContaining('{{ expression }}'),
    ],
    ['condition', { expression: '{{ }}' }, 'config.expression', expect.stringContaining('{{ expression }}')],
    ['condition', { expression: '{{ unclosed' }, 'config.expression', expect.stringContaining('{{ expression }}')],
    ['condition', { expression: true }, 'config.expression', expect.any(String)],
    ['condition', { expression: '{{ a }}', branches: ['x'] }, 'config.branches', 'is not allowed'],
    ['transform', {}, 'config.set', 'is required'],
    ['transform', { set: {} }, 'config.set', 'must have at least 1 entry'],
    ['transform', { set: 'a=1' }, 'config.set', 'must be object'],
    [
      'transform',
      { set: { 'a..b': 1 } },
      'config.set.a..b',
      expect.stringMatching(/^is not a valid key: must be a dotted path/),
    ],
    ['transform', { set: { '.a': 1 } }, 'config.set..a', expect.stringMatching(/^is not a valid key/)],
    ['transform', { set: { 'x.__proto__.y': 1 } }, 'config.set.x.__proto__.y', expect.stringContaining('__proto__')],
    ['transform', { set: { constructor: 1 } }, 'config.set.constructor', expect.stringMatching(/^is not a valid key/)],
    ['transform', { set: { a: 1, 'a.b': 2 } }, 'config.set.a.b', 'conflicts with key "a", which sets the same place'],
    ['transform', { set: { a: 1 }, extra: 1 }, 'config.extra', 'is not allowed'],
  ])('rejects %s %j on %s', (type, config, field, message) => {
    expect(errors(type, config)).toContainEqual({ field, message });
  });

  it('rejects a prototype key that arrives through JSON', () => {
    expect(errors('transform', JSON.parse('{"set": {"__proto__": {"polluted": true}}}'))).toContainEqual({
      field: 'config.set.__proto__',
      message: expect.stringMatching(/^is not a valid key/),
    });
  });
});
