import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InboundRequest } from './provider-adapter.js';
import { ZapierAdapter } from './zapier.adapter.js';

const now = 1_763_646_300;
const rawBody = readFileSync(join(process.cwd(), 'test', 'fixtures', 'zapier-catch.json'));
const fixture: unknown = JSON.parse(rawBody.toString('utf8'));

describe('ZapierAdapter', () => {
  const adapter = new ZapierAdapter();

  it('is the zapier provider', () => {
    expect(adapter.provider).toBe('zapier');
  });

  it('needs no signature', () => {
    const input: InboundRequest = { rawBody, body: fixture, headers: { 'x-webhook-token': 'token' } };
    expect(adapter.verifySignature(input, null, now)).toEqual({ ok: true });
    expect(adapter.verifySignature(input, 'a-secret', now)).toEqual({ ok: true });
  });

  it('has the Idempotency-Key header as event id, and none without it', () => {
    expect(adapter.eventId({ rawBody, body: fixture, headers: { 'idempotency-key': ' zap-run-1 ' } })).toBe(
      'zap-run-1',
    );
    expect(adapter.eventId({ rawBody, body: fixture, headers: {} })).toBeNull();
    expect(adapter.eventId({ rawBody, body: fixture, headers: { 'idempotency-key': '' } })).toBeNull();
  });

  it('has no customer id for the fixture (no top-level customerId)', () => {
    expect(adapter.customerId({ rawBody, body: fixture, headers: {} })).toBeNull();
  });

  it('has a top-level customerId as customer id, also from a form-encoded body', () => {
    const form = { customerId: 'lead-42', event: 'new_lead' };
    expect(
      adapter.customerId({ rawBody: Buffer.from('customerId=lead-42&event=new_lead'), body: form, headers: {} }),
    ).toBe('lead-42');
    expect(
      adapter.customerId({ rawBody: Buffer.from('{"customerId":42}'), body: { customerId: 42 }, headers: {} }),
    ).toBe('42');
    expect(
      adapter.customerId({ rawBody: Buffer.from('{}'), body: { customerId: ['a', 'b'] }, headers: {} }),
    ).toBeNull();
  });
});
