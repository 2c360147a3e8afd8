import { NodeTypeCatalog } from '../../workflows/domain/node-type-catalog.js';
import { contactUpdateNodeType } from './contact-update.node-type.js';

describe('contactUpdateNodeType', () => {
  const catalog = new NodeTypeCatalog();
  catalog.register(contactUpdateNodeType);
  const errors = (config: unknown) => catalog.validateConfig('contact.update', config);

  it('is a step with one default output', () => {
    expect(contactUpdateNodeType).toMatchObject({ type: 'contact.update', role: 'step', branches: [] });
  });

  it.each([
    { fields: { tier: 'gold' } },
    {
      fields: { name: '{{ trigger.body.name }}', score: 10, vip: true, tags: ['a'], meta: { a: null }, cleared: null },
    },
    { fields: { 'address.city': '{{ trigger.body.city }}', 'address.zip': '1000' } },
    { fields: { tier: 'gold' }, retry: { maxAttempts: 3, backoffMs: 1000 } },
  ])('accepts %j', (config) => {
    expect(errors(config)).toEqual([]);
  });

  it.each([
    [{}, 'config.fields', 'is required'],
    [{ fields: {} }, 'config.fields', 'must have at least 1 entry'],
    [{ fields: ['tier'] }, 'config.fields', 'must be object'],
    [{ fields: { tier: 'gold' }, contactId: 'x' }, 'config.contactId', 'is not allowed'],
    [{ fields: { 'a..b': 1 } }, 'config.fields.a..b', expect.stringMatching(/^is not a valid key/)],
    [{ fields: { 'x.prototype': 1 } }, 'config.fields.x.prototype', expect.stringContaining('prototype')],
    [
      { fields: { address: 'x', 'address.city': 'y' } },
      'config.fields.address.city',
      'conflicts with key "address", which sets the same place',
    ],
    [{ fields: { tier: 'gold' }, retry: { backoffMs: 'fast' } }, 'config.retry.backoffMs', 'must be integer'],
  ])('rejects %j on %s', (config, field, message) => {
    expect(errors(config)).toContainEqual({ field, message });
  });
});
