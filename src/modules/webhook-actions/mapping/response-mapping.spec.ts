import { applyResponseMapping, readPath } from './response-mapping.js';

describe('readPath', () => {
  const body = { data: { items: [{ id: 'a1' }, { id: 'a2' }], 'odd key': 3, tier: 'gold' }, total: 2 };

  it.each([
    ['$.total', 2],
    ['$.data.tier', 'gold'],
    ['$.data.items[1].id', 'a2'],
    ['$.data["odd key"]', 3],
    ['$', body],
  ])('reads %s', (path, expected) => {
    expect(readPath(body, path)).toEqual(expected);
  });

  it.each([
    '$.missing.deep',
    '$.data.items[9].id',
    'data.tier',
    '$.constructor',
    '$.__proto__',
    '$.total.toFixed',
    '$.data.tier extra',
    '$.data..tier',
    '$.data.items[0',
  ])('yields undefined for %s', (path) => {
    expect(readPath(body, path)).toBeUndefined();
  });
});

describe('applyResponseMapping', () => {
  it('splits output and contact field targets and skips missing values', () => {
    expect(
      applyResponseMapping(
        { 'output.orderId': '$.id', 'contact.fields.tier': '$.tier', 'output.none': '$.nope' },
        { id: 7, tier: 'gold' },
      ),
    ).toEqual({
      output: { orderId: 7 },
      contactFields: { tier: 'gold' },
    });
  });
});
