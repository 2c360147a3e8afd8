import { findPrototypeKey } from './prototype-keys.js';

describe('findPrototypeKey', () => {
  it.each([
    ['an own __proto__ key', '{"__proto__": {"x": 1}}', '__proto__'],
    ['constructor.prototype', '{"a": 1, "constructor": {"prototype": {"x": 1}}}', 'constructor.prototype'],
    ['a nested __proto__ key', '{"data": {"list": [{"__proto__": 1}]}}', 'data.list.0.__proto__'],
    ['an escaped __proto__ key', '{"\\u005f_proto__": 1}', '__proto__'],
  ])('finds %s', (_what, json, path) => {
    expect(findPrototypeKey(JSON.parse(json))).toBe(path);
  });

  it.each([
    ['plain data', '{"a": [1, {"b": "__proto__"}]}'],
    ['a constructor that is not an object', '{"constructor": "Foo"}'],
    ['a constructor without prototype', '{"constructor": {"name": "Foo"}}'],
    ['a scalar', '42'],
    ['null', 'null'],
  ])('passes %s', (_what, json) => {
    expect(findPrototypeKey(JSON.parse(json))).toBeUndefined();
  });
});
