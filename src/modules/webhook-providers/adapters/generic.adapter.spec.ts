import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { GenericAdapter } from './generic.adapter.js';
import type { InboundRequest } from './provider-adapter.js';

const now = 1_763_646_300;
// No generic fixture: any JSON body will do.
const rawBody = readFileSync(join(process.cwd(), 'test', 'fixtures', 'zapier-catch.json'));

function request(headers: Record<string, string | undefined>, body: Buffer = rawBody): InboundRequest {
  return { rawBody: body, body: JSON.parse(body.toString('utf8')), headers };
}

describe('GenericAdapter', () => {
  const adapter = new GenericAdapter();

  it('is the generic provider', () => {
    expect(adapter.provider).toBe('generic');
  });

  it('passes without a secret, whatever the headers', () => {
    expect(adapter.verifySignature(request({}), null, now)).toEqual({ ok: true });
    expect(adapter.verifySignature(request({ 'x-signature-256': 'sha256=00' }), null, now)).toEqual({ ok: true });
  });

  describe('with a raw secret: X-Signature-256', () => {
    const secret = 'généric secret';
    const sign = (body: Buffer, key = secret) =>
      `sha256=${createHmac('sha256', Buffer.from(key, 'utf8')).update(body).digest('hex')}`;

    it('accepts the HMAC of the raw body keyed by the secret’s UTF-8 bytes', () => {
      expect(adapter.verifySignature(request({ 'x-signature-256': sign(rawBody) }), secret, now)).toEqual({ ok: true });
    });

    it('refuses a missing, wrong or tampered signature without echoing secret or signature', () => {
      expect(adapter.verifySignature(request({}), secret, now)).toEqual({
        ok: false,
        reason: expect.stringContaining('missing'),
      });
      const wrong = sign(rawBody, 'other');
      const check = adapter.verifySignature(request({ 'x-signature-256': wrong }), secret, now);
      expect(check.ok).toBe(false);
      expect(JSON.stringify(check)).not.toContain(secret);
      expect(JSON.stringify(check)).not.toContain(wrong.slice('sha256='.length));
      const tampered = Buffer.from(rawBody.toString('utf8').replace('Ana', 'Ann'));
      expect(adapter.verifySignature(request({ 'x-signature-256': sign(rawBody) }, tampered), secret, now).ok).toBe(
        false,
      );
    });

    it('does not accept Meta’s header or Standard Webhooks headers instead', () => {
      expect(adapter.verifySignature(request({ 'x-hub-signature-256': sign(rawBody) }), secret, now).ok).toBe(false);
      const id = 'msg_1';
      const standard = {
        'webhook-id': id,
        'webhook-timestamp': String(now),
        'webhook-signature': `v1,${createHmac('sha256', secret).update(`${id}.${now}.`).update(rawBody).digest('base64')}`,
      };
      expect(adapter.verifySignature(request(standard), secret, now).ok).toBe(false);
    });
  });

  describe('with a whsec_ secret: Standard Webhooks', () => {
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const id = 'msg_2fQ0kC1nT3AaXq';
    const headersAt = (timestamp: number, signer = new Webhook(secret), body = rawBody) => ({
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signer.sign(id, new Date(timestamp * 1000), body.toString('utf8')),
    });

    it('accepts a signature made by the standardwebhooks library', () => {
      expect(adapter.verifySignature(request(headersAt(now)), secret, now)).toEqual({ ok: true });
    });

    it('accepts timestamps within 5 minutes either way', () => {
      expect(adapter.verifySignature(request(headersAt(now - 300)), secret, now)).toEqual({ ok: true });
      expect(adapter.verifySignature(request(headersAt(now + 300)), secret, now)).toEqual({ ok: true });
    });

    it('refuses timestamps older or newer than 5 minutes', () => {
      expect(adapter.verifySignature(request(headersAt(now - 301)), secret, now)).toEqual({
        ok: false,
        reason: expect.stringContaining('timestamp'),
      });
      expect(adapter.verifySignature(request(headersAt(now + 301)), secret, now)).toEqual({
        ok: false,
        reason: expect.stringContaining('timestamp'),
      });
      expect(
        adapter.verifySignature(request({ ...headersAt(now), 'webhook-timestamp': 'yesterday' }), secret, now).ok,
      ).toBe(false);
    });

    it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])('refuses a request without %s', (header) => {
      const headers: Record<string, string | undefined> = { ...headersAt(now), [header]: undefined };
      expect(adapter.verifySignature(request(headers), secret, now)).toEqual({
        ok: false,
        reason: expect.stringContaining('missing'),
      });
    });

    it('refuses another secret’s signature, a tampered body, a changed id and an X-Signature-256 alone', () => {
      const other = new Webhook(`whsec_${randomBytes(32).toString('base64')}`);
      const check = adapter.verifySignature(request(headersAt(now, other)), secret, now);
      expect(check.ok).toBe(false);
      expect(JSON.stringify(check)).not.toContain(secret);
      const tampered = Buffer.from(rawBody.toString('utf8').replace('Ana', 'Ann'));
      expect(adapter.verifySignature(request(headersAt(now), tampered), secret, now).ok).toBe(false);
      expect(adapter.verifySignature(request({ ...headersAt(now), 'webhook-id': 'msg_other' }), secret, now).ok).toBe(
        false,
      );
      const hex = `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
      expect(adapter.verifySignature(request({ 'x-signature-256': hex }), secret, now)).toEqual({
        ok: false,
        reason: expect.stringContaining('missing'),
      });
    });

    it('refuses everything when the whsec_ secret is malformed', () => {
      expect(adapter.verifySignature(request(headersAt(now)), 'whsec_***', now).ok).toBe(false);
    });
  });

  describe('eventId', () => {
    it('is the webhook-id header when present', () => {
      expect(adapter.eventId(request({ 'webhook-id': 'msg_1', 'idempotency-key': 'key-1' }))).toBe('msg_1');
    });

    it('falls back to the Idempotency-Key header, then null', () => {
      expect(adapter.eventId(request({ 'idempotency-key': 'key-1' }))).toBe('key-1');
      expect(adapter.eventId(request({}))).toBeNull();
    });
  });

  describe('customerId', () => {
    it('is a top-level customerId, else null', () => {
      expect(adapter.customerId(request({}))).toBeNull();
      const body = Buffer.from(JSON.stringify({ customerId: 'cus_9', lead: {} }));
      expect(adapter.customerId(request({}, body))).toBe('cus_9');
    });
  });
});
