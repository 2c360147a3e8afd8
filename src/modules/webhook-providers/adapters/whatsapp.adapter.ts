import { firstOf, idAt, idempotencyKey, objectAt, objectsAt, type JsonObject } from './payload-fields.js';
import type { InboundRequest, ProviderAdapter, SignatureCheck } from './provider-adapter.js';
import { checkMetaSignature } from './signature-checks.js';

/**
 * WhatsApp Cloud API: `entry[].changes[].value` holds either `messages[]` or, for delivery updates,
 * `statuses[]`. A batch yields the id of its first message (or status).
 */
export class WhatsAppAdapter implements ProviderAdapter {
  readonly provider = 'whatsapp';

  verifySignature(input: InboundRequest, secretKey: string | null, _nowSeconds: number): SignatureCheck {
    return checkMetaSignature(input, secretKey);
  }

  eventId(input: InboundRequest): string | null {
    const values = changeValues(input.body);
    return (
      firstOf(messages(values), (message) => idAt(message, 'id')) ??
      // sent, delivered and read carry the same message id: the status tells them apart.
      firstOf(statuses(values), (status) => {
        const id = idAt(status, 'id');
        const state = idAt(status, 'status');
        return id !== null && state !== null ? `${id}:${state}` : null;
      }) ??
      idempotencyKey(input.headers)
    );
  }

  customerId(input: InboundRequest): string | null {
    const values = changeValues(input.body);
    return (
      firstOf(messages(values), (message) => idAt(message, 'from')) ??
      firstOf(statuses(values), (status) => idAt(status, 'recipient_id'))
    );
  }
}

function changeValues(body: unknown): JsonObject[] {
  return objectsAt(body, 'entry')
    .flatMap((entry) => objectsAt(entry, 'changes'))
    .map((change) => objectAt(change, 'value'))
    .filter((value) => value !== null);
}

function messages(values: JsonObject[]): JsonObject[] {
  return values.flatMap((value) => objectsAt(value, 'messages'));
}

function statuses(values: JsonObject[]): JsonObject[] {
  return values.flatMap((value) => objectsAt(value, 'statuses'));
}
