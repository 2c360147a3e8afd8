import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MercadoLibreAdapter } from './mercadolibre.adapter.js';
import type { InboundRequest } from './provider-adapter.js';

const now = 1_763_646_300;
const rawBody = readFileSync(join(process.cwd(), 'test', 'fixtures', 'mercadolibre-order.json'));
const fixture = JSON.parse(rawBody.toString('utf8')) as Record<string, unknown>;

function request(body: unknown, headers: Record<string, string | undefined> = {}): InboundRequest {
  return { rawBody: Buffer.from(JSON.stringify(body)), body, headers };
}

describe('MercadoLibreAdapter', () => {
  const adapter = new MercadoLibreAdapter();
  const { _id: _ignored, ...withoutId } = fixture;

  it('is the mercadolibre provider', () => {
    expect(adapter.provider).toBe('mercadolibre');
  });

  it('needs no signature, whether or not the webhook has a secret', () => {
    const input: InboundRequest = { rawBody, body: fixture, headers: {} };
    expect(adapter.verifySignature(input, null, now)).toEqual({ ok: true });
    expect(adapter.verifySignature(input, 'a-secret', now)).toEqual({ ok: true });
  });

  it('has _id as event id and user_id (a number) as customer id', () => {
    const input: InboundRequest = { rawBody, body: fixture, headers: {} };
    expect(adapter.eventId(input)).toBe('f9f08571-1f65-4c46-9e0a-c0f43faac1c4');
    expect(adapter.customerId(input)).toBe('468424240');
  });

  it('without _id, has topic, resource and sent as event id, and a string user_id as customer id', () => {
    const input = request({ ...withoutId, user_id: '468424240' });
    expect(adapter.eventId(input)).toBe('orders_v2:/orders/2195160686:2026-11-20T13:44:33.006Z');
    expect(adapter.customerId(input)).toBe('468424240');
  });

  it('gives a retried notification (more attempts, later received) the same event id', () => {
    const retried = request({ ...withoutId, attempts: 2, received: '2026-11-20T13:45:02.112Z' });
    expect(adapter.eventId(retried)).toBe(adapter.eventId(request(withoutId)));
  });

  it('falls back to the Idempotency-Key header when _id and sent are missing', () => {
    const { sent: _sent, ...incomplete } = withoutId;
    expect(adapter.eventId(request(incomplete, { 'idempotency-key': 'key-3' }))).toBe('key-3');
    expect(adapter.eventId(request(incomplete))).toBeNull();
  });

  it('prefers _id over an Idempotency-Key, and ignores a blank _id', () => {
    expect(adapter.eventId(request(fixture, { 'idempotency-key': 'key-3' }))).toBe(
      'f9f08571-1f65-4c46-9e0a-c0f43faac1c4',
    );
    expect(adapter.eventId(request({ ...fixture, _id: ' ' }))).toBe(
      'orders_v2:/orders/2195160686:2026-11-20T13:44:33.006Z',
    );
  });

  it('has no customer id without a usable user_id', () => {
    expect(adapter.customerId(request({ ...fixture, user_id: null }))).toBeNull();
    expect(adapter.customerId(request({ ...fixture, user_id: 4.5 }))).toBeNull();
    expect(adapter.customerId(request([fixture]))).toBeNull();
  });
});
