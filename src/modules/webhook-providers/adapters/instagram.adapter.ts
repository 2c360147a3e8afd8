import { firstOf, idAt, idempotencyKey, objectAt, objectsAt, type JsonObject } from './payload-fields.js';
import type { InboundRequest, ProviderAdapter, SignatureCheck } from './provider-adapter.js';
import { checkMetaSignature } from './signature-checks.js';

/** Instagram Messaging: `entry[].messaging[]`, each with `sender.id` and `message.mid`. */
export class InstagramAdapter implements ProviderAdapter {
  readonly provider = 'instagram';

  verifySignature(input: InboundRequest, secretKey: string | null, _nowSeconds: number): SignatureCheck {
    return checkMetaSignature(input, secretKey);
  }

  eventId(input: InboundRequest): string | null {
    return (
      firstOf(messagingEvents(input.body), (event) => idAt(objectAt(event, 'message'), 'mid')) ??
      idempotencyKey(input.headers)
    );
  }

  customerId(input: InboundRequest): string | null {
    return firstOf(messagingEvents(input.body), (event) => idAt(objectAt(event, 'sender'), 'id'));
  }
}

function messagingEvents(body: unknown): JsonObject[] {
  return objectsAt(body, 'entry').flatMap((entry) => objectsAt(entry, 'messaging'));
}
