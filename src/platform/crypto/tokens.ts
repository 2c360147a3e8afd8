import { createHash, randomBytes } from 'node:crypto';

/** The least randomness any externally presented secret or unguessable id may carry (128 bits). */
export const MIN_TOKEN_BYTES = 16;

const PREFIX = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * A random secret with a recognisable prefix, e.g. `fhk_<43 base64url chars>` for 32 bytes: the prefix
 * tells a leaked token's kind at a glance (and to secret scanners).
 */
export function generateToken(prefix: string, bytes = 32): string {
  if (!PREFIX.test(prefix)) throw new RangeError('token prefix must be alphanumeric and start with a letter');
  return `${prefix}_${randomBytes(checkedLength(bytes)).toString('base64url')}`;
}

/** Random identifier material as lowercase hex (no `_` or `-`, so it can sit inside `_`-separated ids). */
export function generateRandomId(bytes = MIN_TOKEN_BYTES): string {
  return randomBytes(checkedLength(bytes)).toString('hex');
}

/** Tokens and API keys are stored as their SHA-256: high-entropy secrets need no slow, salted hash. */
export function sha256Hex(value: string | Buffer): string {
  return createHash('sha256')
    .update(typeof value === 'string' ? Buffer.from(value, 'utf8') : value)
    .digest('hex');
}

function checkedLength(bytes: number): number {
  if (!Number.isSafeInteger(bytes) || bytes < MIN_TOKEN_BYTES || bytes > 1024) {
    throw new RangeError(`token length must be an integer from ${MIN_TOKEN_BYTES} to 1024 bytes`);
  }
  return bytes;
}
