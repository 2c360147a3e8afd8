export const WEBHOOK_STATUSES = ['active', 'inactive'] as const;
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

/** A delivery is `received` (stored, queued) until it is `processed` or has `failed` every attempt. */
export const WEBHOOK_EVENT_STATUSES = ['received', 'processed', 'failed'] as const;
export type WebhookEventStatus = (typeof WEBHOOK_EVENT_STATUSES)[number];
