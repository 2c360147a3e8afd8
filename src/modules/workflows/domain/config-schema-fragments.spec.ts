import { dottedKeyConflicts, nodeRetrySchema, withRetry } from './config-schema-fragments.js';

describe('withRetry', () => {
  it('adds the shared retry schema beside the existing properties without changing the input', () => {
    const schema = { type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } };
    expect(withRetry(schema)).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: { a: { type: 'string' }, retry: nodeRetrySchema },
    });
    expect(schema.properties).toEqual({ a: { type: 'string' } });
  });

  it('works on a schema without properties', () => {
    expect(withRetry({ type: 'object' })).toEqual({ type: 'object', properties: { retry: nodeRetrySchema } });
  });
});

describe('dottedKeyConflicts', () => {
  it('accepts keys that write different places', () => {
    expect(dottedKeyConflicts({ a: 1, 'b.c': 2, 'b.d': 3, ab: 4, 'a2.b': 5 }, 'config.set')).toEqual([]);
  });

  it('reports a key below another key, naming both', () => {
    expect(dottedKeyConflicts({ a: 1, 'a.b': 2, 'x.y.z': 3, x: 4 }, 'config.set')).toEqual([
      { field: 'config.set.a.b', message: 'conflicts with key "a", which sets the same place' },
      { field: 'config.set.x.y.z', message: 'conflicts with key "x", which sets the same place' },
    ]);
  });

  it('ignores values that are not objects', () => {
    expect(dottedKeyConflicts(undefined, 'config.set')).toEqual([]);
    expect(dottedKeyConflicts('a', 'config.set')).toEqual([]);
  });
});
