/** Every BullMQ queue of the product, in one place. */
export const QueueNames = {
  /** One job per node run of an execution. */
  nodes: 'nodes',
} as const;
