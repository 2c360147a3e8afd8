import { generateRandomId, MIN_TOKEN_BYTES } from '../../../platform/crypto/tokens.js';

const RANDOM_HEX_CHARS = MIN_TOKEN_BYTES * 2;

/** `webhook_<executionId>_<nodeId>_<32 hex>`: node ids start with a letter and use letters, digits, `_` or `-`. */
const RESUME_ID = new RegExp(
  `^webhook_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}_[A-Za-z][A-Za-z0-9_-]{0,63}_[0-9a-f]{${RANDOM_HEX_CHARS}}$`,
);

/** A new, unguessable resume id (128 random bits) for one wait node of one execution. */
export function newResumeId(executionId: string, nodeId: string): string {
  return `webhook_${executionId}_${nodeId}_${generateRandomId(MIN_TOKEN_BYTES)}`;
}

/** Whether `value` has the shape of a resume id; anything else is answered 404 without a lookup. */
export function isWellFormedResumeId(value: string): boolean {
  return value.length <= 200 && RESUME_ID.test(value);
}
