import { createHmac, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import {
  generateStandardWebhookSecret,
  hmacSha256Base64,
  hmacSha256Hex,
  parseStandardWebhookSecret,
  signStandardWebhook,
  StandardWebhookSecretError,
  verifyHexSignature,
  verifyStandardWebhook,
} from './hmac.js';

describe('hmacSha256Hex / hmacSha256Base64', () => {
  it('match RFC 4231 test case 2', () => {
    const expected = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(expected);
    expect(hmacSha256Base64(Buffer.from('Jefe'), Buffer.from('what do ya want for nothing?'))).toBe(
      Buffer.from(expected, 'hex').toString('base64'),
    );
  });
});

describe('verifyHexSignature', () => {
  const appSecret = 'meta-app-secret';
  const body = Buffer.from('{"entry":[{"id":"1"}]}');
  const hex = createHmac('sha256', appSecret).update(body).digest('hex');

  it('accepts the right signature, in lower or upper case hex', () => {
    expect(verifyHexSignature(`sha256=${hex}`, appSecret, body)).toBe(true);
    expect(verifyHexSignature(`sha256=${hex.toUpperCase()}`, appSecret, body)).toBe(true);
    expect(verifyHexSignature(`SHA256=${hex}`, appSecret, body)).toBe(true);
    expect(verifyHexSignature(`sha256=${hex}`, appSecret, body.toString('utf8'))).toBe(true);
  });

  it('refuses a signature over another body or with another key', () => {
    expect(verifyHexSignature(`sha256=${hex}`, appSecret, Buffer.from('{"entry":[{"id":"2"}]}'))).toBe(false);
    expect(verifyHexSignature(`sha256=${hex}`, 'other-secret', body)).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['without the algorithm', hex],
    ['another algorithm', `sha1=${hex}`],
    ['truncated', `sha256=${hex.slice(0, 63)}`],
    ['too long', `sha256=${hex}00`],
    ['non-hex', `sha256=${hex.slice(0, 63)}z`],
    ['two signatures', `sha256=${hex},sha256=${hex}`],
  ])('is false, without throwing, for a %s header', (_label, header) => {
    expect(verifyHexSignature(header, appSecret, body)).toBe(false);
  });

  it('is false for an empty key, which anyone could sign with', () => {
    const forged = createHmac('sha256', '').update(body).digest('hex');
    expect(verifyHexSignature(`sha256=${forged}`, '', body)).toBe(false);
  });
});

describe('Standard Webhooks', () => {
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
  const now = Math.floor(Date.now() / 1000);
  const body = '{"type":"contact.created","data":{"name":"Ana ✓"}}';

  describe('parseStandardWebhookSecret', () => {
    it('decodes the base64 after whsec_', () => {
      const key = randomBytes(24);
      expect(parseStandardWebhookSecret(`whsec_${key.toString('base64')}`)).toEqual(key);
      expect(parseStandardWebhookSecret(`whsec_${key.toString('base64').replace(/=+$/, '')}`)).toEqual(key);
    });

    it.each([
      ['no prefix', randomBytes(24).toString('base64')],
      ['an empty key', 'whsec_'],
      ['base64 with bad characters', 'whsec_abc$def'],
      ['an impossible length', 'whsec_abcde'],
    ])('refuses %s without echoing the secret', (_label, value) => {
      let error: unknown;
      try {
        parseStandardWebhookSecret(value);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(StandardWebhookSecretError);
      if (value.length > 6) expect((error as Error).message).not.toContain(value.slice(6));
    });
  });

  describe('generateStandardWebhookSecret', () => {
    it('generates a parseable whsec_ secret of 24 to 64 bytes', () => {
      const generated = generateStandardWebhookSecret();
      expect(generated).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
      expect(parseStandardWebhookSecret(generated)).toHaveLength(32);
      expect(parseStandardWebhookSecret(generateStandardWebhookSecret(24))).toHaveLength(24);
      expect(generateStandardWebhookSecret()).not.toBe(generated);
      expect(() => generateStandardWebhookSecret(16)).toThrow(RangeError);
    });
  });

  describe('signStandardWebhook', () => {
    it('is v1,<base64 HMAC-SHA256(key, "id.timestamp.body")>', () => {
      const key = parseStandardWebhookSecret(secret);
      const expected = createHmac('sha256', key).update(`${id}.${now}.${body}`).digest('base64');
      expect(signStandardWebhook(secret, id, now, body)).toBe(`v1,${expected}`);
      expect(signStandardWebhook(key, id, now, Buffer.from(body))).toBe(`v1,${expected}`);
    });

    it('refuses a bad secret, id or timestamp', () => {
      expect(() => signStandardWebhook('not-a-secret', id, now, body)).toThrow(StandardWebhookSecretError);
      expect(() => signStandardWebhook(Buffer.alloc(0), id, now, body)).toThrow(StandardWebhookSecretError);
      expect(() => signStandardWebhook(secret, '', now, body)).toThrow(RangeError);
      expect(() => signStandardWebhook(secret, id, now + 0.5, body)).toThrow(RangeError);
      expect(() => signStandardWebhook(secret, id, -1, body)).toThrow(RangeError);
    });

    it('is verified by the standardwebhooks library', () => {
      const signature = signStandardWebhook(secret, id, now, body);
      const headers = { 'webhook-id': id, 'webhook-timestamp': String(now), 'webhook-signature': signature };
      expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
      expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
    });
  });

  describe('verifyStandardWebhook', () => {
    const sign = (at: number, payload: string = body) => signStandardWebhook(secret, id, at, payload);

    it('accepts a signature made by the standardwebhooks library', () => {
      const signature = new Webhook(secret).sign(id, new Date(now * 1000), body);
      expect(verifyStandardWebhook(secret, { id, timestamp: String(now), signature }, body, now)).toBe(true);
      expect(verifyStandardWebhook(secret, { id, timestamp: String(now), signature }, Buffer.from(body), now)).toBe(
        true,
      );
      expect(
        verifyStandardWebhook(parseStandardWebhookSecret(secret), { id, timestamp: String(now), signature }, body, now),
      ).toBe(true);
    });

    it('accepts its own signatures', () => {
      expect(verifyStandardWebhook(secret, { id, timestamp: String(now), signature: sign(now) }, body, now)).toBe(true);
    });

    it('accepts any matching v1 entry among several, skipping other versions', () => {
      const otherKey = `whsec_${randomBytes(32).toString('base64')}`;
      const rotatedOut = signStandardWebhook(otherKey, id, now, body);
      const signature = `v1a,c29tZWFzeW1tZXRyaWNzaWc= ${rotatedOut} ${sign(now)}`;
      expect(verifyStandardWebhook(secret, { id, timestamp: String(now), signature }, body, now)).toBe(true);
      expect(
        verifyStandardWebhook(
          secret,
          { id, timestamp: String(now), signature: `${rotatedOut}  v2,${sign(now).slice(3)}` },
          body,
          now,
        ),
      ).toBe(false);
    });

    it('refuses a changed body, id, timestamp or secret', () => {
      const headers = { id, timestamp: String(now), signature: sign(now) };
      expect(verifyStandardWebhook(secret, headers, `${body} `, now)).toBe(false);
      expect(verifyStandardWebhook(secret, { ...headers, id: `${id}x` }, body, now)).toBe(false);
      expect(verifyStandardWebhook(secret, { ...headers, timestamp: String(now - 1) }, body, now)).toBe(false);
      expect(verifyStandardWebhook(`whsec_${randomBytes(32).toString('base64')}`, headers, body, now)).toBe(false);
    });

    it('accepts timestamps within the tolerance either way and refuses those beyond it', () => {
      const at = (timestamp: number, tolerance?: number) =>
        verifyStandardWebhook(
          secret,
          { id, timestamp: String(timestamp), signature: sign(timestamp) },
          body,
          now,
          tolerance,
        );
      expect(at(now - 300)).toBe(true);
      expect(at(now + 300)).toBe(true);
      expect(at(now - 301)).toBe(false);
      expect(at(now + 301)).toBe(false);
      expect(at(now - 30, 10)).toBe(false);
      expect(at(now - 30, 60)).toBe(true);
    });

    it('agrees with the library on stale messages', () => {
      const stale = now - 600;
      const signature = new Webhook(secret).sign(id, new Date(stale * 1000), body);
      expect(() =>
        new Webhook(secret).verify(body, {
          'webhook-id': id,
          'webhook-timestamp': String(stale),
          'webhook-signature': signature,
        }),
      ).toThrow();
      expect(verifyStandardWebhook(secret, { id, timestamp: String(stale), signature }, body, now)).toBe(false);
    });

    it.each([
      ['no id', { timestamp: String(now), signature: 'SIGN' }],
      ['no timestamp', { id, signature: 'SIGN' }],
      ['no signature', { id, timestamp: String(now) }],
      ['a non-numeric timestamp', { id, timestamp: `${now}abc`, signature: 'SIGN' }],
      ['a fractional timestamp', { id, timestamp: `${now}.0`, signature: 'SIGN' }],
      ['a negative timestamp', { id, timestamp: `-${now}`, signature: 'SIGN' }],
      ['a signature without version', { id, timestamp: String(now), signature: 'BARE' }],
      ['garbage', { id, timestamp: String(now), signature: ',,, v1, v1,' }],
    ])('is false, without throwing, for %s', (_label, headers) => {
      const real = sign(now);
      const resolved = {
        ...headers,
        ...('signature' in headers
          ? { signature: headers.signature.replace('SIGN', real).replace('BARE', real.slice(3)) }
          : {}),
      };
      expect(verifyStandardWebhook(secret, resolved, body, now)).toBe(false);
    });

    it('is false, without throwing, for a malformed or empty secret', () => {
      const headers = { id, timestamp: String(now), signature: sign(now) };
      expect(verifyStandardWebhook('whsec_***', headers, body, now)).toBe(false);
      expect(verifyStandardWebhook('plain-secret', headers, body, now)).toBe(false);
      expect(verifyStandardWebhook(Buffer.alloc(0), headers, body, now)).toBe(false);
    });
  });
});
