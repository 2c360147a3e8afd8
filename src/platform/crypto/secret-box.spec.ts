import { randomBytes } from 'node:crypto';
import { SecretBox, SecretBoxError } from './secret-box.js';

const TENANT = '2f0c3a52-8d7e-4f39-a0f4-2ab4c1a0e001';
const OTHER_TENANT = '2f0c3a52-8d7e-4f39-a0f4-2ab4c1a0e002';
const SECRET = 'sk_live_do-not-leak-4242';

/** Replaces one character of part `index` (0 = version … 3 = tag) with another valid base64url character. */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const part = parts[index] ?? '';
  const flipped = part[0] === 'A' ? 'B' : 'A';
  parts[index] = flipped + part.slice(1);
  return parts.join('.');
}

function errorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the action to throw');
}

describe('SecretBox', () => {
  const masterKey = randomBytes(32);
  const box = new SecretBox(masterKey);

  it('opens what it sealed, for strings and binary buffers', () => {
    expect(box.open(TENANT, box.seal(TENANT, SECRET)).toString('utf8')).toBe(SECRET);
    expect(box.openText(TENANT, box.seal(TENANT, 'größe ✓'))).toBe('größe ✓');
    const binary = randomBytes(300);
    expect(box.open(TENANT, box.seal(TENANT, binary))).toEqual(binary);
    expect(box.open(TENANT, box.seal(TENANT, ''))).toEqual(Buffer.alloc(0));
  });

  it('has the compact versioned shape v1.<iv>.<ciphertext>.<tag> with a 96-bit IV and 128-bit tag', () => {
    const sealed = box.seal(TENANT, SECRET);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(sealed).not.toContain(SECRET);
    const [, iv, ciphertext, tag] = sealed.split('.');
    expect(Buffer.from(iv ?? '', 'base64url')).toHaveLength(12);
    expect(Buffer.from(ciphertext ?? '', 'base64url')).toHaveLength(Buffer.byteLength(SECRET));
    expect(Buffer.from(tag ?? '', 'base64url')).toHaveLength(16);
  });

  it('produces a different IV and ciphertext each time', () => {
    const sealed = Array.from({ length: 50 }, () => box.seal(TENANT, SECRET));
    expect(new Set(sealed).size).toBe(50);
    expect(new Set(sealed.map((value) => value.split('.')[1])).size).toBe(50);
  });

  it.each([
    ['IV', 1],
    ['ciphertext', 2],
    ['tag', 3],
  ])('detects a tampered %s', (_part, index) => {
    const sealed = box.seal(TENANT, SECRET);
    expect(() => box.open(TENANT, tamper(sealed, index))).toThrow(SecretBoxError);
  });

  it('refuses non-canonical base64url spellings that Node would decode to the same bytes', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const parts = box.seal(TENANT, SECRET).split('.');
    const tag = parts[3] ?? '';
    // A 16-byte tag is 22 characters whose last one carries 2 data bits and 4 zero bits: set one of those.
    const last = alphabet.indexOf(tag.slice(-1));
    const sloppyTag = tag.slice(0, -1) + alphabet[last + 1];
    expect(Buffer.from(sloppyTag, 'base64url')).toEqual(Buffer.from(tag, 'base64url'));
    expect(() => box.open(TENANT, [...parts.slice(0, 3), sloppyTag].join('.'))).toThrow(SecretBoxError);
    expect(() => box.open(TENANT, [...parts.slice(0, 3), `${tag}!`].join('.'))).toThrow(SecretBoxError);
    expect(() => box.open(TENANT, [parts[0], parts[1], `${parts[2]}=`, tag].join('.'))).toThrow(SecretBoxError);
  });

  it('refuses a truncated tag (GCM would otherwise accept a shorter, forgeable one)', () => {
    const sealed = box.seal(TENANT, SECRET);
    const parts = sealed.split('.');
    const shortTag = Buffer.from(parts[3] ?? '', 'base64url')
      .subarray(0, 4)
      .toString('base64url');
    expect(() => box.open(TENANT, [...parts.slice(0, 3), shortTag].join('.'))).toThrow(SecretBoxError);
  });

  it('will not open another tenant’s value', () => {
    const sealed = box.seal(TENANT, SECRET);
    expect(() => box.open(OTHER_TENANT, sealed)).toThrow(SecretBoxError);
  });

  it('will not open with a different master key', () => {
    const sealed = box.seal(TENANT, SECRET);
    expect(() => new SecretBox(randomBytes(32)).open(TENANT, sealed)).toThrow(SecretBoxError);
  });

  it('binds the value to its associated data', () => {
    const sealed = box.seal(TENANT, SECRET, 'credential:1');
    expect(box.openText(TENANT, sealed, 'credential:1')).toBe(SECRET);
    expect(() => box.open(TENANT, sealed, 'credential:2')).toThrow(SecretBoxError);
    expect(() => box.open(TENANT, sealed)).toThrow(SecretBoxError);
    expect(() => box.open(TENANT, box.seal(TENANT, SECRET), 'credential:1')).toThrow(SecretBoxError);
  });

  it('keeps purposes apart', () => {
    const other = new SecretBox(masterKey, { purpose: 'channel-credentials' });
    expect(() => other.open(TENANT, box.seal(TENANT, SECRET))).toThrow(SecretBoxError);
    expect(() => new SecretBox(masterKey, { purpose: 'a:b' })).toThrow(SecretBoxError);
  });

  it.each([
    ['an unknown version', (sealed: string) => sealed.replace(/^v1\./, 'v2.')],
    ['no version', (sealed: string) => sealed.split('.').slice(1).join('.')],
    ['a missing part', (sealed: string) => sealed.split('.').slice(0, 3).join('.')],
    ['an extra part', (sealed: string) => `${sealed}.AAAA`],
    ['an empty string', () => ''],
    ['a wrong-length IV', (sealed: string) => sealed.replace(/^v1\.[^.]+\./, 'v1.AAAA.')],
  ])('refuses %s with a SecretBoxError', (_label, mutate) => {
    expect(() => box.open(TENANT, mutate(box.seal(TENANT, SECRET)))).toThrow(SecretBoxError);
  });

  it('says which check failed for the version', () => {
    expect(() => box.open(TENANT, box.seal(TENANT, SECRET).replace(/^v1\./, 'v9.'))).toThrow(/version/);
  });

  it('never puts the plaintext, the sealed value or key material in its errors', () => {
    const sealed = box.seal(TENANT, SECRET);
    const errors = [
      errorOf(() => box.open(OTHER_TENANT, sealed)),
      errorOf(() => box.open(TENANT, tamper(sealed, 2))),
      errorOf(() => box.open(TENANT, sealed.replace(/^v1/, 'v2'))),
      errorOf(() => box.openJson(TENANT, box.seal(TENANT, SECRET))),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(SecretBoxError);
      const text = `${error.message}\n${error.stack ?? ''}`;
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(sealed.split('.')[2]);
      expect(text).not.toContain(masterKey.toString('hex').slice(0, 16));
      expect(text).not.toContain(masterKey.toString('base64').slice(0, 16));
    }
  });

  it('round-trips JSON', () => {
    const value = { username: 'ana', password: SECRET, nested: { n: 1, list: [true, null] } };
    const sealed = box.sealJson(TENANT, value, 'credential:basic');
    expect(sealed).not.toContain(SECRET);
    expect(box.openJson<typeof value>(TENANT, sealed, 'credential:basic')).toEqual(value);
  });

  it('refuses values that have no JSON form', () => {
    expect(() => box.sealJson(TENANT, undefined)).toThrow(SecretBoxError);
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(() => box.sealJson(TENANT, cyclic)).toThrow(SecretBoxError);
  });

  it('refuses an empty tenant id', () => {
    expect(() => box.seal('', SECRET)).toThrow(SecretBoxError);
    expect(() => box.open('', box.seal(TENANT, SECRET))).toThrow(SecretBoxError);
  });

  it('refuses a master key shorter than 32 bytes', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(SecretBoxError);
    expect(() => new SecretBox(randomBytes(64))).not.toThrow();
  });

  it('is not affected by later changes to the master key buffer', () => {
    const key = randomBytes(32);
    const own = new SecretBox(key);
    const sealed = own.seal(TENANT, SECRET);
    key.fill(0);
    expect(own.openText(TENANT, sealed)).toBe(SECRET);
  });

  it('keeps working past its key-cache bound, re-deriving evicted tenant keys', () => {
    const small = new SecretBox(masterKey, { maxCachedKeys: 2 });
    const tenants = ['t1', 't2', 't3', 't4'];
    const sealed = tenants.map((tenant) => small.seal(tenant, `secret of ${tenant}`));
    tenants.forEach((tenant, index) => expect(small.openText(tenant, sealed[index] ?? '')).toBe(`secret of ${tenant}`));
    expect(box.openText('t1', sealed[0] ?? '')).toBe('secret of t1');
    expect(() => new SecretBox(masterKey, { maxCachedKeys: 0 })).toThrow(SecretBoxError);
  });
});
