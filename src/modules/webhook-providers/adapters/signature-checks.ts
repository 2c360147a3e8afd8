import {
  STANDARD_WEBHOOK_DEFAULT_TOLERANCE_SECONDS,
  verifyHexSignature,
  verifyStandardWebhook,
} from '../../../platform/crypto/hmac.js';
import { headerValue } from './payload-fields.js';
import type { InboundRequest, SignatureCheck } from './provider-adapter.js';

export const SIGNATURE_OK: SignatureCheck = Object.freeze({ ok: true });

export function signatureRefused(reason: string): SignatureCheck {
  return { ok: false, reason };
}

/** `<header>: sha256=<hex HMAC-SHA256(key, raw body)>`; the key is the secret's UTF-8 bytes. */
export function checkSha256Header(input: InboundRequest, header: string, key: string): SignatureCheck {
  const presented = headerValue(input.headers, header);
  if (presented === null) return signatureRefused(`missing ${header} header`);
  return verifyHexSignature(presented, key, input.rawBody)
    ? SIGNATURE_OK
    : signatureRefused(`${header} does not match the body`);
}

/** Both Meta providers (WhatsApp, Instagram) sign with the app secret in `X-Hub-Signature-256`. */
export function checkMetaSignature(input: InboundRequest, appSecret: string | null): SignatureCheck {
  return appSecret === null ? SIGNATURE_OK : checkSha256Header(input, 'x-hub-signature-256', appSecret);
}

/** Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), 5 minutes of tolerance either way. */
export function checkStandardWebhook(input: InboundRequest, secret: string, nowSeconds: number): SignatureCheck {
  const id = headerValue(input.headers, 'webhook-id');
  const timestamp = headerValue(input.headers, 'webhook-timestamp');
  const signature = headerValue(input.headers, 'webhook-signature');
  if (id === null || timestamp === null || signature === null)
    return signatureRefused('missing Standard Webhooks headers');
  // Checked here as well as in verifyStandardWebhook only to give the sender a precise reason.
  const seconds = Number(timestamp);
  if (!Number.isSafeInteger(seconds) || Math.abs(nowSeconds - seconds) > STANDARD_WEBHOOK_DEFAULT_TOLERANCE_SECONDS) {
    return signatureRefused('webhook-timestamp outside the tolerance window');
  }
  return verifyStandardWebhook(secret, { id, timestamp, signature }, input.rawBody, nowSeconds)
    ? SIGNATURE_OK
    : signatureRefused('webhook-signature does not match the body');
}
