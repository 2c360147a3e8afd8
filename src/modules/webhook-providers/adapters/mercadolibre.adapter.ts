import { idAt, idempotencyKey } from './payload-fields.js';
import type { InboundRequest, ProviderAdapter, SignatureCheck } from './provider-adapter.js';
import { SIGNATURE_OK } from './signature-checks.js';

/** MercadoLibre notifications: `{ _id?, resource, user_id, topic, application_id, attempts, sent, received }`. */
export class MercadoLibreAdapter implements ProviderAdapter {
  readonly provider = 'mercadolibre';

  /** MercadoLibre does not sign its notifications: the webhook token is the only check. */
  verifySignature(_input: InboundRequest, _secretKey: string | null, _nowSeconds: number): SignatureCheck {
    return SIGNATURE_OK;
  }

  eventId(input: InboundRequest): string | null {
    const id = idAt(input.body, '_id');
    if (id !== null) return id;
    const topic = idAt(input.body, 'topic');
    const resource = idAt(input.body, 'resource');
    const sent = idAt(input.body, 'sent');
    // A retried notification keeps topic, resource and `sent` (`attempts` and `received` change).
    if (topic !== null && resource !== null && sent !== null) return `${topic}:${resource}:${sent}`;
    return idempotencyKey(input.headers);
  }

  customerId(input: InboundRequest): string | null {
    return idAt(input.body, 'user_id');
  }
}
