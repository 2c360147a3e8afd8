import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Equality for secrets (tokens, signatures) whose comparison time reveals neither where they differ
 * nor their lengths: both sides are hashed to 32 bytes first, so `timingSafeEqual` always compares
 * equal-length inputs and there is no early return on a length mismatch.
 */
export function constantTimeEquals(a: string | Buffer, b: string | Buffer): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

function digest(value: string | Buffer): Buffer {
  return createHash('sha256')
    .update(typeof value === 'string' ? Buffer.from(value, 'utf8') : value)
    .digest();
}
