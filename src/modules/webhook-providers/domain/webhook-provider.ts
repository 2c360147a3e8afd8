/** The inbound providers Flowhook understands; every webhook and every channel is bound to one. */
export const WEBHOOK_PROVIDERS = ['whatsapp', 'instagram', 'mercadolibre', 'zapier', 'generic'] as const;
export type WebhookProvider = (typeof WEBHOOK_PROVIDERS)[number];
