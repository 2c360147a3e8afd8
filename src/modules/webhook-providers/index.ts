// The webhook-providers module's public API: what other modules may import from it.
export { WebhookProvidersModule } from './webhook-providers.module.js';
export { ProviderAdapterFactory } from './provider-adapter.factory.js';
export { WEBHOOK_PROVIDERS, type WebhookProvider } from './domain/webhook-provider.js';
export { webhookUnauthorized } from './domain/inbound-errors.js';
export { presentedToken } from './ingress-credentials.js';
export { parsePayload } from './payload-parser.js';
export { withoutSecretHeaders } from './secret-headers.js';
