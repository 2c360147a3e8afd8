import { headerValue, idAt, idempotencyKey } from './payload-fields.js';
import type { InboundRequest, ProviderAdapter, SignatureCheck } from './provider-adapter.js';
import { checkSha256Header, checkStandardWebhook, SIGNATURE_OK } from './signature-checks.js';

const STANDARD_WEBHOOK_SECRET_PREFIX = 'whsec_';

/**
 * Any sender. With a `whsec_` secret the Standard Webhooks headers are required; with any other secret,
 * `X-Signature-256: sha256=<hex HMAC-SHA256(secret as UTF-8, raw body)>`.
 */
export class GenericAdapter implements ProviderAdapter {
  readonly provider = 'generic';

  verifySignature(input: InboundRequest, secretKey: string | null, nowSeconds: number): SignatureCheck {
    if (secretKey === null) return SIGNATURE_OK;
    return secretKey.startsWith(STANDARD_WEBHOOK_SECRET_PREFIX)
      ? checkStandardWebhook(input, secretKey, nowSeconds)
      : checkSha256Header(input, 'x-signature-256', secretKey);
  }

  eventId(input: InboundRequest): string | null {
    return headerValue(input.headers, 'webhook-id') ?? idempotencyKey(input.headers);
  }

  /** Generic senders name their customer, if they have one, in a top-level `customerId`. */
  customerId(input: InboundRequest): string | null {
    return idAt(input.body, 'customerId');
  }
}
