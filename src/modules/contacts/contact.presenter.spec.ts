import { MAX_STORED_JSON_DEPTH } from '../../platform/database/postgres-text.js';
import { toContactResponse } from './contact.presenter.js';
import type { ContactEntity } from './entities/contact.entity.js';

function contactWith(fields: Record<string, unknown>): ContactEntity {
  const at = new Date('2026-12-02T10:00:00Z');
  return {
    id: 'c1',
    source: 'whatsapp',
    externalId: '+15550000',
    name: 'Ana',
    fields,
    createdAt: at,
    updatedAt: at,
  } as ContactEntity;
}

describe('toContactResponse', () => {
  it('serves fields as they are', () => {
    expect(toContactResponse(contactWith({ tier: 'gold', tags: ['a'] })).fields).toEqual({ tier: 'gold', tags: ['a'] });
  });

  it('serves fields nested past the stored limit (a legacy row) as a marker that JSON.stringify can write', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const response = toContactResponse(contactWith({ deep }));
    expect(response.fields).toEqual({
      truncated: true,
      reason: `The stored value nests deeper than ${MAX_STORED_JSON_DEPTH} levels and is not served.`,
    });
    expect(() => JSON.stringify(response)).not.toThrow();
  });
});
