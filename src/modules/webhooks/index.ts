// The webhooks module's public API: what other modules may import from it.
export { WebhooksModule } from './webhooks.module.js';
export { WebhooksWorkerModule } from './webhooks-worker.module.js';
export { WebhookReceivedEvent } from './events/webhook-received.event.js';
