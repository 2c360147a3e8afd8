/**
 * `workflow.node.triggered`, payload `{ nodeId, type, attempt }`: stored by the statement that marks a
 * node running (NodeRunStore), and for a trigger that ran in an inbound event's job by the statement
 * that starts the execution. No in-process handler listens to it, so it has no event class.
 */
export const NODE_TRIGGERED = 'workflow.node.triggered';
