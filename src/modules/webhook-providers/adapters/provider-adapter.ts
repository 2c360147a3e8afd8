import type { WebhookProvider } from '../domain/webhook-provider.js';

/** An inbound delivery as the adapters see it. */
export interface InboundRequest {
  /** The body bytes exactly as received: signatures are computed over these. */
  rawBody: Buffer;
  /** The parsed JSON, or the object of a form-encoded body. */
  body: unknown;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
}

/** `reason` is short and never contains the secret or the presented signature. */
export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** What one inbound provider knows: how it signs and where its event and customer ids are. */
export interface ProviderAdapter {
  readonly provider: WebhookProvider;
  /** Passes when `secretKey` is null (the webhook token alone authenticates). */
  verifySignature(input: InboundRequest, secretKey: string | null, nowSeconds: number): SignatureCheck;
  /** The provider's event id for de-duplication, else the `Idempotency-Key` header, else null. */
  eventId(input: InboundRequest): string | null;
  /** The sender's id at the provider (the contact's external id), or null. */
  customerId(input: InboundRequest): string | null;
}
