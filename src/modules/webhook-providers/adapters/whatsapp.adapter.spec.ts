import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InboundRequest } from './provider-adapter.js';
import { WhatsAppAdapter } from './whatsapp.adapter.js';

const appSecret = 'whatsapp-app-secret';
const now = 1_763_646_300;
const rawBody = readFileSync(join(process.cwd(), 'test', 'fixtures', 'whatsapp-message.json'));
const metaSignature = (body: Buffer, secret = appSecret) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function request(body: Buffer, headers: Record<string, string | undefined> = {}): InboundRequest {
  return { rawBody: body, body: JSON.parse(body.toString('utf8')), headers };
}

const statusUpdate = Buffer.from(
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
              statuses: [
                {
                  id: 'wamid.HBgLMTY1MDU1NTEyMzQ=',
                  status: 'delivered',
                  timestamp: '1763646280',
                  recipient_id: '16505551234',
                },
              ],
            },
          },
        ],
      },
    ],
  }),
);

describe('WhatsAppAdapter', () => {
  const adapter = new WhatsAppAdapter();

  it('is the whatsapp provider', () => {
    expect(adapter.provider).toBe('whatsapp');
  });

  describe('verifySignature', () => {
    it('accepts the fixture signed with the app secret', () => {
      expect(
        adapter.verifySignature(request(rawBody, { 'x-hub-signature-256': metaSignature(rawBody) }), appSecret, now),
      ).toEqual({ ok: true });
    });

    it('passes without a secret (token auth alone)', () => {
      expect(adapter.verifySignature(request(rawBody), null, now)).toEqual({ ok: true });
    });

    it('refuses a missing signature', () => {
      const check = adapter.verifySignature(request(rawBody), appSecret, now);
      expect(check).toEqual({ ok: false, reason: expect.stringContaining('missing') });
    });

    it('refuses a signature made with another secret, without echoing either', () => {
      const wrong = metaSignature(rawBody, 'another-secret');
      const check = adapter.verifySignature(request(rawBody, { 'x-hub-signature-256': wrong }), appSecret, now);
      expect(check.ok).toBe(false);
      expect(JSON.stringify(check)).not.toContain(appSecret);
      expect(JSON.stringify(check)).not.toContain(wrong.slice('sha256='.length));
    });

    it('refuses a tampered body', () => {
      const tampered = Buffer.from(rawBody.toString('utf8').replace('another color', 'another size'));
      const check = adapter.verifySignature(
        request(tampered, { 'x-hub-signature-256': metaSignature(rawBody) }),
        appSecret,
        now,
      );
      expect(check.ok).toBe(false);
    });

    it('refuses the generic X-Signature-256 header in place of Meta’s', () => {
      const check = adapter.verifySignature(
        request(rawBody, { 'x-signature-256': metaSignature(rawBody) }),
        appSecret,
        now,
      );
      expect(check.ok).toBe(false);
    });
  });

  describe('message', () => {
    const message = request(rawBody);

    it('has the message id as event id', () => {
      expect(adapter.eventId(message)).toBe('wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=');
    });

    it('prefers the message id over an Idempotency-Key', () => {
      expect(adapter.eventId(request(rawBody, { 'idempotency-key': 'key-1' }))).toBe(
        'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
      );
    });

    it('has the sender as customer id', () => {
      expect(adapter.customerId(message)).toBe('16505551234');
    });
  });

  describe('status update', () => {
    it('has "<message id>:<status>" as event id, so sent, delivered and read differ', () => {
      expect(adapter.eventId(request(statusUpdate))).toBe('wamid.HBgLMTY1MDU1NTEyMzQ=:delivered');
      const read = Buffer.from(statusUpdate.toString('utf8').replace('"delivered"', '"read"'));
      expect(adapter.eventId(request(read))).toBe('wamid.HBgLMTY1MDU1NTEyMzQ=:read');
    });

    it('has the recipient as customer id', () => {
      expect(adapter.customerId(request(statusUpdate))).toBe('16505551234');
    });

    it('is signed like a message', () => {
      const signed = request(statusUpdate, { 'x-hub-signature-256': metaSignature(statusUpdate) });
      expect(adapter.verifySignature(signed, appSecret, now)).toEqual({ ok: true });
    });
  });

  describe('without a message or status id', () => {
    const empty = Buffer.from(
      JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [{ id: '1', changes: [{ field: 'messages', value: {} }] }],
      }),
    );

    it('falls back to the Idempotency-Key header', () => {
      expect(adapter.eventId(request(empty, { 'idempotency-key': 'key-1' }))).toBe('key-1');
    });

    it('has no ids otherwise', () => {
      expect(adapter.eventId(request(empty))).toBeNull();
      expect(adapter.customerId(request(empty))).toBeNull();
    });

    it.each([
      ['null', null],
      ['an array', [1, 2]],
      ['a string', 'entry'],
      ['entries of the wrong shape', { entry: [null, 'x', { changes: 'no' }] }],
    ])('reads %s as no ids', (_case, body) => {
      const input: InboundRequest = { rawBody: Buffer.from(JSON.stringify(body)), body, headers: {} };
      expect(adapter.eventId(input)).toBeNull();
      expect(adapter.customerId(input)).toBeNull();
    });
  });
});
