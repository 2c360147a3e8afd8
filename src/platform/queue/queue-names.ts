/** Every BullMQ queue of the product, in one place. */
export const QueueNames = {
  /** One job per node run of an execution. */
  nodes: 'nodes',
  /** One job per accepted inbound webhook event. */
  webhookEvents: 'webhook-events',
  /** One job per accepted channel event (fan-out to trigger.channel workflows). */
  channelEvents: 'channel-events',
  /** Delayed jobs of `wait` nodes: interval/until timers and resume-URL expiries. */
  waits: 'waits',
} as const;
