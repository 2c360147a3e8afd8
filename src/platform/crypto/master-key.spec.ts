import { randomBytes } from 'node:crypto';
import { generateMasterKey, MasterKeyError, parseMasterKey } from './master-key.js';

describe('parseMasterKey', () => {
  const key = randomBytes(32);

  it('accepts 64 hex characters in either case', () => {
    expect(parseMasterKey(key.toString('hex'))).toEqual(key);
    expect(parseMasterKey(key.toString('hex').toUpperCase())).toEqual(key);
  });

  it('accepts base64 with or without padding, and base64url', () => {
    expect(parseMasterKey(key.toString('base64'))).toEqual(key);
    expect(parseMasterKey(key.toString('base64').replace(/=+$/, ''))).toEqual(key);
    expect(parseMasterKey(key.toString('base64url'))).toEqual(key);
  });

  it('decodes base64 keys whose bytes need both `+/` and `-_`', () => {
    const awkward = Buffer.alloc(32, 0xfb);
    expect(parseMasterKey(awkward.toString('base64'))).toEqual(awkward);
    expect(parseMasterKey(awkward.toString('base64url'))).toEqual(awkward);
  });

  it('ignores surrounding whitespace (a trailing newline from a secrets file)', () => {
    expect(parseMasterKey(`  ${key.toString('hex')}\n`)).toEqual(key);
  });

  it.each([
    ['empty', ''],
    ['too short hex', key.toString('hex').slice(0, 62)],
    ['too long hex', `${key.toString('hex')}00`],
    ['non-hex characters', `${key.toString('hex').slice(0, 63)}g`],
    ['16 bytes of base64', randomBytes(16).toString('base64')],
    ['48 bytes of base64', randomBytes(48).toString('base64')],
    ['base64 with a bad character', `${key.toString('base64url').slice(0, 42)}*`],
    ['a passphrase', 'correct horse battery staple'],
  ])('refuses %s, naming ENCRYPTION_KEY', (_label, value) => {
    expect(() => parseMasterKey(value)).toThrow(MasterKeyError);
    expect(() => parseMasterKey(value)).toThrow(/ENCRYPTION_KEY/);
  });

  it('never echoes the value, or any part of it, in the error', () => {
    const value = `${key.toString('hex')}ff`;
    let message = '';
    try {
      parseMasterKey(value);
    } catch (error) {
      message = String((error as Error).message) + String((error as Error).stack);
    }
    expect(message).toContain('ENCRYPTION_KEY');
    expect(message).not.toContain(value.slice(0, 16));
    expect(message).not.toContain(value.slice(-16));
  });

  it('refuses a non-string at run time with the same error', () => {
    expect(() => parseMasterKey(undefined as unknown as string)).toThrow(MasterKeyError);
  });
});

describe('generateMasterKey', () => {
  it('generates 64 hex characters that parse back to 32 fresh bytes', () => {
    const a = generateMasterKey();
    const b = generateMasterKey();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(parseMasterKey(a)).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});
