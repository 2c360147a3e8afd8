import { createHash } from 'node:crypto';
import { generateRandomId, generateToken, MIN_TOKEN_BYTES, sha256Hex } from './tokens.js';

describe('generateToken', () => {
  it('is the prefix, an underscore and 32 random bytes in base64url by default', () => {
    const token = generateToken('whk');
    expect(token).toMatch(/^whk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice('whk_'.length), 'base64url')).toHaveLength(32);
  });

  it('carries the requested number of random bytes', () => {
    const token = generateToken('fhk', 48);
    expect(token).toMatch(/^fhk_[A-Za-z0-9_-]{64}$/);
    expect(Buffer.from(token.slice('fhk_'.length), 'base64url')).toHaveLength(48);
  });

  it('never repeats', () => {
    const tokens = new Set(Array.from({ length: 2000 }, () => generateToken('rt')));
    expect(tokens.size).toBe(2000);
  });

  it('refuses fewer than 128 bits, absurd lengths and odd prefixes', () => {
    expect(() => generateToken('rt', MIN_TOKEN_BYTES - 1)).toThrow(RangeError);
    expect(() => generateToken('rt', 16.5)).toThrow(RangeError);
    expect(() => generateToken('rt', 4096)).toThrow(RangeError);
    expect(() => generateToken('')).toThrow(RangeError);
    expect(() => generateToken('a_b')).toThrow(RangeError);
    expect(() => generateToken('1ab')).toThrow(RangeError);
  });
});

describe('generateRandomId', () => {
  it('is 128 bits of lowercase hex by default, safe inside `_`-separated ids', () => {
    expect(generateRandomId()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('carries the requested number of bytes and never repeats', () => {
    expect(generateRandomId(24)).toMatch(/^[0-9a-f]{48}$/);
    const ids = new Set(Array.from({ length: 2000 }, () => generateRandomId()));
    expect(ids.size).toBe(2000);
  });

  it('refuses fewer than 128 bits', () => {
    expect(() => generateRandomId(8)).toThrow(RangeError);
  });
});

describe('sha256Hex', () => {
  it('matches a known SHA-256 vector', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes strings as UTF-8 and accepts buffers', () => {
    expect(sha256Hex('größe')).toBe(createHash('sha256').update(Buffer.from('größe', 'utf8')).digest('hex'));
    expect(sha256Hex(Buffer.from('abc'))).toBe(sha256Hex('abc'));
  });
});
