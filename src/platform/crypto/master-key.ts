import { randomBytes } from 'node:crypto';

const KEY_BYTES = 32;

/** ENCRYPTION_KEY: 32 bytes as 64 hex characters, base64 or base64url. Never echoes the value. */
export function parseMasterKey(value: string): Buffer {
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(trimmed)) {
    const decoded = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (decoded.length === KEY_BYTES) return decoded;
  }
  throw new Error('ENCRYPTION_KEY must be 32 bytes encoded as 64 hex characters or base64');
}

export function generateMasterKey(): string {
  return randomBytes(KEY_BYTES).toString('hex');
}
