import { randomBytes } from 'node:crypto';

export const MASTER_KEY_BYTES = 32;

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
// 32 bytes are 43 base64 characters plus one optional `=`, in either the standard or the URL alphabet.
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

export class MasterKeyError extends Error {
  constructor() {
    super('ENCRYPTION_KEY must be 32 bytes encoded as 64 hex characters, base64 or base64url');
    this.name = 'MasterKeyError';
  }
}

/** Parses the ENCRYPTION_KEY setting. The error never carries the value, not even a part of it. */
export function parseMasterKey(value: string): Buffer {
  if (typeof value !== 'string') throw new MasterKeyError();
  const trimmed = value.trim();
  if (HEX_KEY.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (BASE64_KEY.test(trimmed)) {
    const decoded = Buffer.from(trimmed.replace(/=$/, '').replace(/\+/g, '-').replace(/\//g, '_'), 'base64url');
    if (decoded.length === MASTER_KEY_BYTES) return decoded;
  }
  throw new MasterKeyError();
}

/** A fresh master key in the form `parseMasterKey` prefers (64 hex characters). */
export function generateMasterKey(): string {
  return randomBytes(MASTER_KEY_BYTES).toString('hex');
}
