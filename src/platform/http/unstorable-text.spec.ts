import { findUnstorableText, isStorableText } from './unstorable-text.js';

describe('isStorableText', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone high surrogate at the end', 'a\udbff'],
    ['a lone low surrogate', '\udc00a'],
    ['two high surrogates', '\ud800\ud800\udc00'],
  ])('refuses %s', (_what, text) => {
    expect(isStorableText(text)).toBe(false);
  });

  it.each([
    ['plain text', 'Orders'],
    ['a surrogate pair (emoji)', 'ok 😀'],
    ['the replacement character', '\ufffd'],
    ['empty', ''],
  ])('accepts %s', (_what, text) => {
    expect(isStorableText(text)).toBe(true);
  });
});

describe('findUnstorableText', () => {
  it('names every bad value by its path, in document order', () => {
    const body = {
      name: 'a\u0000',
      tags: ['ok', '\ud800'],
      nodes: [{ config: { set: { 'x.y': 'z\u0000' } } }],
      count: 3,
    };
    expect(findUnstorableText(body, 'body').map((error) => error.field)).toEqual([
      'name',
      'tags.1',
      'nodes.0.config.set.x.y',
    ]);
  });

  it('names the object that holds a bad property name, or the container at the top level', () => {
    expect(findUnstorableText({ config: { 'a\u0000': 1 } }, 'body')).toEqual([
      { field: 'config', message: expect.stringContaining('property name') },
    ]);
    expect(findUnstorableText({ '\ud800': 1 }, 'query')).toEqual([
      { field: 'query', message: expect.stringContaining('property name') },
    ]);
  });

  it('names a bad top-level string by its container', () => {
    expect(findUnstorableText('a\u0000', 'body').map((error) => error.field)).toEqual(['body']);
  });

  it('finds nothing in clean or empty input', () => {
    expect(findUnstorableText({ name: 'Orders', nested: [{ a: 'b' }], n: null }, 'body')).toEqual([]);
    expect(findUnstorableText(undefined, 'body')).toEqual([]);
  });

  it('stops after the given number of findings', () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, '\u0000']));
    expect(findUnstorableText(many, 'body', 3)).toHaveLength(3);
  });
});
