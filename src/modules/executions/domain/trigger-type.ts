/** What started an execution: the manual route, a webhook, a channel, the trigger route, or a replay. */
export const TRIGGER_TYPES = ['manual', 'webhook', 'channel', 'trigger_route', 'replay'] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];
