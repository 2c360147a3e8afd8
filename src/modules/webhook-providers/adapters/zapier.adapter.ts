import { idAt, idempotencyKey } from './payload-fields.js';
import type { InboundRequest, ProviderAdapter, SignatureCheck } from './provider-adapter.js';
import { SIGNATURE_OK } from './signature-checks.js';

/** Zapier "Catch Hook" style deliveries, JSON or form-encoded. */
export class ZapierAdapter implements ProviderAdapter {
  readonly provider = 'zapier';

  /** Zapier does not sign: the sender adds the webhook token as a header. */
  verifySignature(_input: InboundRequest, _secretKey: string | null, _nowSeconds: number): SignatureCheck {
    return SIGNATURE_OK;
  }

  eventId(input: InboundRequest): string | null {
    return idempotencyKey(input.headers);
  }

  /** Zaps have no sender of their own; a zap that names its customer sends a top-level `customerId`. */
  customerId(input: InboundRequest): string | null {
    return idAt(input.body, 'customerId');
  }
}
