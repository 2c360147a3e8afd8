import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { constantTimeEquals } from './constant-time.js';

export type HmacKey = string | Buffer;
export type SignedData = string | Buffer;

const SHA256_BYTES = 32;
const HEX_SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

const STANDARD_WEBHOOK_SECRET_PREFIX = 'whsec_';
const STANDARD_WEBHOOK_VERSION = 'v1';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const UNIX_SECONDS = /^[0-9]{1,12}$/;

/** Standard Webhooks recommends secrets of 24 to 64 random bytes. */
export const STANDARD_WEBHOOK_MIN_SECRET_BYTES = 24;
export const STANDARD_WEBHOOK_DEFAULT_TOLERANCE_SECONDS = 300;

export class StandardWebhookSecretError extends Error {
  constructor() {
    super('a Standard Webhooks secret must be "whsec_" followed by the base64 of the key');
    this.name = 'StandardWebhookSecretError';
  }
}

/** The three Standard Webhooks headers, as received (any may be missing). */
export interface StandardWebhookHeaders {
  id?: string | undefined;
  timestamp?: string | undefined;
  signature?: string | undefined;
}

export function hmacSha256(key: HmacKey, data: SignedData): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

export function hmacSha256Hex(key: HmacKey, data: SignedData): string {
  return hmacSha256(key, data).toString('hex');
}

export function hmacSha256Base64(key: HmacKey, data: SignedData): string {
  return hmacSha256(key, data).toString('base64');
}

/**
 * Checks a `sha256=<hex>` header (Meta's `X-Hub-Signature-256`, the generic `X-Signature-256`) against
 * the HMAC-SHA256 of the raw body. Hex in either case; false for a missing or malformed header and for
 * an empty key (which anyone could sign with).
 */
export function verifyHexSignature(header: string | undefined, key: HmacKey, rawBody: SignedData): boolean {
  const match = typeof header === 'string' ? HEX_SIGNATURE.exec(header.trim()) : null;
  if (!match?.[1] || key.length === 0) return false;
  const presented = Buffer.from(match[1], 'hex');
  const expected = hmacSha256(key, rawBody);
  return presented.length === SHA256_BYTES && timingSafeEqual(presented, expected);
}

/** The HMAC key inside a `whsec_<base64>` secret. Throws (without echoing the secret) when malformed. */
export function parseStandardWebhookSecret(secret: string): Buffer {
  if (typeof secret !== 'string' || !secret.startsWith(STANDARD_WEBHOOK_SECRET_PREFIX))
    throw new StandardWebhookSecretError();
  const encoded = secret.slice(STANDARD_WEBHOOK_SECRET_PREFIX.length);
  if (!BASE64.test(encoded) || encoded.length % 4 === 1) throw new StandardWebhookSecretError();
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new StandardWebhookSecretError();
  return key;
}

/** A fresh `whsec_` secret (for signing credentials created without one). */
export function generateStandardWebhookSecret(bytes = 32): string {
  if (!Number.isSafeInteger(bytes) || bytes < STANDARD_WEBHOOK_MIN_SECRET_BYTES || bytes > 64) {
    throw new RangeError(`a Standard Webhooks secret must have ${STANDARD_WEBHOOK_MIN_SECRET_BYTES} to 64 bytes`);
  }
  return STANDARD_WEBHOOK_SECRET_PREFIX + randomBytes(bytes).toString('base64');
}

/**
 * The `webhook-signature` value for a message: `v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>`.
 * `secret` is a `whsec_` secret or a key already parsed by `parseStandardWebhookSecret`.
 */
export function signStandardWebhook(
  secret: string | Buffer,
  id: string,
  timestampSeconds: number,
  body: SignedData,
): string {
  if (!id) throw new RangeError('a Standard Webhooks message id is required');
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new RangeError('a Standard Webhooks timestamp must be whole seconds since the epoch');
  }
  const key = typeof secret === 'string' ? parseStandardWebhookSecret(secret) : secret;
  if (key.length === 0) throw new StandardWebhookSecretError();
  return `${STANDARD_WEBHOOK_VERSION},${standardWebhookDigest(key, id, String(timestampSeconds), body)}`;
}

/**
 * Verifies Standard Webhooks headers. True when the timestamp is within `toleranceSeconds` of
 * `nowSeconds` (either way) and any space-separated `v1,<base64>` entry of the signature header matches;
 * entries of other versions are skipped. False for missing or malformed headers and for a malformed
 * secret: it never throws.
 */
export function verifyStandardWebhook(
  secret: string | Buffer,
  headers: StandardWebhookHeaders,
  body: SignedData,
  nowSeconds: number,
  toleranceSeconds = STANDARD_WEBHOOK_DEFAULT_TOLERANCE_SECONDS,
): boolean {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature || !UNIX_SECONDS.test(timestamp)) return false;
  if (!Number.isFinite(nowSeconds) || Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;

  let key: Buffer;
  try {
    key = typeof secret === 'string' ? parseStandardWebhookSecret(secret) : secret;
  } catch {
    return false;
  }
  if (key.length === 0) return false;
  const expected = standardWebhookDigest(key, id, timestamp, body);

  let matched = false;
  for (const entry of signature.split(' ')) {
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== STANDARD_WEBHOOK_VERSION) continue;
    // No early exit: every v1 entry is compared, so timing does not tell which entry matched.
    if (constantTimeEquals(entry.slice(comma + 1), expected)) matched = true;
  }
  return matched;
}

function standardWebhookDigest(key: Buffer, id: string, timestamp: string, body: SignedData): string {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`, 'utf8').update(body).digest('base64');
}
