import { coreNodeTypes } from './core-node-types.js';
import { NodeTypeCatalog } from './node-type-catalog.js';
import type { NodeTypeDefinition } from './node-type-definition.js';

const step = (type: string, configSchema: object, extra: Partial<NodeTypeDefinition> = {}): NodeTypeDefinition => ({
  type,
  role: 'step',
  configSchema,
  branches: [],
  ...extra,
});

const sample = step('sample', {
  type: 'object',
  additionalProperties: false,
  required: ['seconds', 'mode'],
  properties: {
    seconds: { type: 'integer', minimum: 1 },
    mode: { enum: ['a', 'b'] },
    kind: { const: 'fixed' },
    id: { type: 'string', format: 'uuid' },
    at: { type: 'string', format: 'date-time' },
    name: { type: 'string', minLength: 1, maxLength: 3 },
    code: { type: 'string', pattern: '^[A-Z]+$', errorMessage: 'must be capital letters' },
    nested: {
      type: 'object',
      additionalProperties: false,
      properties: { deep: { type: 'object', properties: { 'a/b': { type: 'number' } } } },
    },
    map: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[a-z]+$', errorMessage: 'must be lowercase letters' },
      additionalProperties: { type: 'string' },
    },
  },
});

describe('NodeTypeCatalog', () => {
  const catalog = new NodeTypeCatalog();
  catalog.register(sample);
  for (const definition of coreNodeTypes) catalog.register(definition);

  describe('register', () => {
    it('refuses a type registered twice', () => {
      expect(() => catalog.register(sample)).toThrow('node type "sample" is registered twice');
    });

    it.each([
      ['a malformed name', step('Bad Name', { type: 'object' }), /lowercase dotted words/],
      [
        'a trigger not named trigger.*',
        { ...step('start', { type: 'object' }), role: 'trigger' as const },
        /named trigger\.\*/,
      ],
      ['a step named trigger.*', step('trigger.fake', { type: 'object' }), /named trigger\.\*/],
      ['repeated branches', step('twice', { type: 'object' }, { branches: ['a', 'a'] }), /distinct/],
      ['an empty branch name', step('blank', { type: 'object' }, { branches: [''] }), /non-empty/],
      [
        'an invalid schema',
        step('broken', { type: 'object', properties: { a: { type: 'nonsense' } } }),
        /node type "broken": invalid config schema/,
      ],
      [
        'a schema with an unknown keyword (strict)',
        step('loose', { type: 'object', colour: 'red' }),
        /invalid config schema.*colour/,
      ],
      [
        'a schema with an unknown format',
        step('formats', { type: 'string', format: 'zipcode' }),
        /invalid config schema/,
      ],
    ])('refuses %s', (_case, definition, message) => {
      expect(() => new NodeTypeCatalog().register(definition)).toThrow(message);
    });

    it('accepts a trigger named trigger.*', () => {
      const fresh = new NodeTypeCatalog();
      fresh.register({ type: 'trigger.custom', role: 'trigger', configSchema: { type: 'object' }, branches: [] });
      expect(fresh.get('trigger.custom')?.role).toBe('trigger');
    });
  });

  it('answers has, get and types', () => {
    expect(catalog.has('sample')).toBe(true);
    expect(catalog.has('nope')).toBe(false);
    expect(catalog.get('sample')).toBe(sample);
    expect(catalog.get('nope')).toBeUndefined();
    expect(catalog.types()).toEqual([
      'condition',
      'sample',
      'transform',
      'trigger.channel',
      'trigger.manual',
      'trigger.webhook',
    ]);
  });

  describe('validateConfig', () => {
    const valid = { seconds: 2, mode: 'a' };
    const errors = (config: unknown) => catalog.validateConfig('sample', config);

    it('accepts a valid config', () => {
      expect(errors(valid)).toEqual([]);
      expect(
        errors({
          ...valid,
          kind: 'fixed',
          id: '3f0c1f0e-7a52-4a0e-a0a5-6d1c1b8f2a10',
          at: '2026-01-31T09:30:00Z',
          map: { a: 'x' },
        }),
      ).toEqual([]);
    });

    it('reports an unknown type on `type`, listing the known ones', () => {
      expect(catalog.validateConfig('teleport', {})).toEqual([
        {
          field: 'type',
          message: expect.stringMatching(/^unknown node type "teleport" \(known types: condition, sample,/),
        },
      ]);
    });

    it.each([
      ['a missing property', { mode: 'a' }, { field: 'config.seconds', message: 'is required' }],
      ['an extra property', { ...valid, extra: 1 }, { field: 'config.extra', message: 'is not allowed' }],
      ['a limit', { ...valid, seconds: 0 }, { field: 'config.seconds', message: 'must be >= 1' }],
      ['a wrong type', { ...valid, seconds: 'soon' }, { field: 'config.seconds', message: 'must be integer' }],
      ['an enum', { ...valid, mode: 'c' }, { field: 'config.mode', message: 'must be one of "a", "b"' }],
      ['a const', { ...valid, kind: 'other' }, { field: 'config.kind', message: 'must be "fixed"' }],
      ['a uuid', { ...valid, id: 'nope' }, { field: 'config.id', message: 'must be a UUID' }],
      [
        'a date-time without zone',
        { ...valid, at: '2026-01-31T09:30:00' },
        { field: 'config.at', message: expect.stringContaining('ISO-8601 date-time with a time zone') },
      ],
      ['an empty string', { ...valid, name: '' }, { field: 'config.name', message: 'must not be empty' }],
      [
        'a long string',
        { ...valid, name: 'abcd' },
        { field: 'config.name', message: 'must be at most 3 characters long' },
      ],
      [
        'an errorMessage override',
        { ...valid, code: 'abc' },
        { field: 'config.code', message: 'must be capital letters' },
      ],
      [
        'a nested path',
        { ...valid, nested: { deep: { 'a/b': 'x' } } },
        { field: 'config.nested.deep.a/b', message: 'must be number' },
      ],
      [
        'a nested extra property',
        { ...valid, nested: { other: 1 } },
        { field: 'config.nested.other', message: 'is not allowed' },
      ],
      ['an empty object', { ...valid, map: {} }, { field: 'config.map', message: 'must have at least 1 entry' }],
      [
        'a bad key',
        { ...valid, map: { Upper: 'x' } },
        { field: 'config.map.Upper', message: 'is not a valid key: must be lowercase letters' },
      ],
      ['a value inside a map', { ...valid, map: { a: 1 } }, { field: 'config.map.a', message: 'must be string' }],
      ['a config that is not an object', 'config', { field: 'config', message: 'must be object' }],
    ])('reports %s on its field', (_case, config, expected) => {
      expect(errors(config)).toContainEqual(expected);
    });

    it('reports every problem at once (allErrors), each field once per message', () => {
      const result = errors({ seconds: 0, mode: 'z', extra: true, map: { Bad: 1, Worse: 2 } });
      expect(result.map((error) => error.field)).toEqual(
        expect.arrayContaining(['config.seconds', 'config.mode', 'config.extra', 'config.map.Bad', 'config.map.Worse']),
      );
      expect(new Set(result.map((error) => `${error.field} ${error.message}`)).size).toBe(result.length);
    });

    it('leaves out summary errors of conditional schemas when their details are reported', () => {
      const fresh = new NodeTypeCatalog();
      fresh.register(
        step('cond', {
          type: 'object',
          properties: { kind: { enum: ['a', 'b'] }, value: { type: 'string' } },
          if: { properties: { kind: { const: 'a' } } },
          then: { properties: { value: true }, required: ['value'] },
        }),
      );
      expect(fresh.validateConfig('cond', { kind: 'a' })).toEqual([{ field: 'config.value', message: 'is required' }]);
    });

    it('runs checkConfig only on configs the schema accepted', () => {
      const checked: unknown[] = [];
      const fresh = new NodeTypeCatalog();
      fresh.register(
        step(
          'checked',
          { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } },
          {
            checkConfig: (config) => {
              checked.push(config);
              return config.n === 13 ? [{ field: 'config.n', message: 'is unlucky' }] : [];
            },
          },
        ),
      );
      expect(fresh.validateConfig('checked', { n: 'x' })).toEqual([{ field: 'config.n', message: 'must be integer' }]);
      expect(checked).toEqual([]);
      expect(fresh.validateConfig('checked', { n: 13 })).toEqual([{ field: 'config.n', message: 'is unlucky' }]);
      expect(fresh.validateConfig('checked', { n: 1 })).toEqual([]);
      expect(checked).toEqual([{ n: 13 }, { n: 1 }]);
    });
  });

  it('refuses a template that does not compile, naming where it is', () => {
    expect(catalog.validateConfig('condition', { expression: '{{ trigger.body. }}' })).toEqual([
      { field: 'config', message: expect.stringMatching(/^has a template that does not compile: expression: /) },
    ]);
    expect(catalog.validateConfig('transform', { set: { 'a.b': 'Hi {{ $oops( }}' } })).toEqual([
      { field: 'config', message: expect.stringContaining('set.a.b') },
    ]);
  });
});
