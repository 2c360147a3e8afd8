import { expandDottedKeys } from './dotted-keys.js';

describe('expandDottedKeys', () => {
  it('builds nested objects from dotted keys', () => {
    expect(expandDottedKeys({ 'order.size': 'big', 'order.total': 120, flag: true })).toEqual({
      order: { size: 'big', total: 120 },
      flag: true,
    });
  });

  it('lets a later nested key replace a scalar', () => {
    expect(expandDottedKeys({ a: 1, 'a.b': 2 })).toEqual({ a: { b: 2 } });
  });

  it.each(['__proto__.polluted', 'a.constructor.x', 'a..b', ''])('refuses %j', (key) => {
    expect(() => expandDottedKeys({ [key]: 1 })).toThrow(/not a usable key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
