import { createHash, randomBytes } from 'node:crypto';

/** A random secret token with a recognisable prefix, e.g. `fhk_<43 base64url chars>` for 32 bytes. */
export function generateToken(prefix: string, bytes = 32): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

/** Random identifier material (hex), ≥ 16 bytes for anything guessable from outside. */
export function generateRandomId(bytes = 16): string {
  return randomBytes(bytes).toString('hex');
}

/** Tokens and keys are stored as their SHA-256: high-entropy secrets need no slow hash. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
