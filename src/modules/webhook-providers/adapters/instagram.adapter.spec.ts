import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InstagramAdapter } from './instagram.adapter.js';
import type { InboundRequest } from './provider-adapter.js';

const appSecret = 'instagram-app-secret';
const now = 1_763_646_300;
const rawBody = readFileSync(join(process.cwd(), 'test', 'fixtures', 'instagram-message.json'));
const metaSignature = (body: Buffer, secret = appSecret) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function request(body: Buffer, headers: Record<string, string | undefined> = {}): InboundRequest {
  return { rawBody: body, body: JSON.parse(body.toString('utf8')), headers };
}

describe('InstagramAdapter', () => {
  const adapter = new InstagramAdapter();

  it('is the instagram provider', () => {
    expect(adapter.provider).toBe('instagram');
  });

  describe('verifySignature', () => {
    it('accepts the fixture signed with the app secret (upper-case hex too)', () => {
      expect(
        adapter.verifySignature(request(rawBody, { 'x-hub-signature-256': metaSignature(rawBody) }), appSecret, now),
      ).toEqual({ ok: true });
      const upper = `sha256=${metaSignature(rawBody).slice('sha256='.length).toUpperCase()}`;
      expect(adapter.verifySignature(request(rawBody, { 'x-hub-signature-256': upper }), appSecret, now)).toEqual({
        ok: true,
      });
    });

    it('passes without a secret', () => {
      expect(adapter.verifySignature(request(rawBody), null, now)).toEqual({ ok: true });
    });

    it.each([
      ['missing', undefined],
      ['empty', ''],
      ['without the sha256= prefix', createHmac('sha256', appSecret).update(rawBody).digest('hex')],
      ['made with another secret', metaSignature(rawBody, 'other')],
      ['truncated', metaSignature(rawBody).slice(0, -2)],
    ])('refuses a signature that is %s', (_case, signature) => {
      const check = adapter.verifySignature(request(rawBody, { 'x-hub-signature-256': signature }), appSecret, now);
      expect(check).toEqual({ ok: false, reason: expect.any(String) });
      expect(JSON.stringify(check)).not.toContain(appSecret);
    });

    it('refuses a tampered body', () => {
      const tampered = Buffer.from(rawBody.toString('utf8').replace('still available', 'already sold'));
      expect(
        adapter.verifySignature(request(tampered, { 'x-hub-signature-256': metaSignature(rawBody) }), appSecret, now)
          .ok,
      ).toBe(false);
    });
  });

  it('has the message mid as event id', () => {
    expect(adapter.eventId(request(rawBody))).toBe(
      'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1NzkzMTg3MjE4OjM0MDI4MjM2Njg0',
    );
  });

  it('has the sender as customer id', () => {
    expect(adapter.customerId(request(rawBody))).toBe('1234567890123456');
  });

  it('falls back to the Idempotency-Key header for events without a message', () => {
    const read = Buffer.from(
      JSON.stringify({
        object: 'instagram',
        entry: [{ id: '1', messaging: [{ sender: { id: '42' }, read: { mid: 'm' } }] }],
      }),
    );
    expect(adapter.eventId(request(read, { 'idempotency-key': 'key-7' }))).toBe('key-7');
    expect(adapter.eventId(request(read))).toBeNull();
    expect(adapter.customerId(request(read))).toBe('42');
  });
});
