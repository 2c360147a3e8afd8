/**
 * `workflow.node.triggered`, payload `{ nodeId, type, attempt }`: stored by the statement that marks a
 * node running (RunNodeHandler). No in-process handler listens to it, so it has no event class.
 */
export const NODE_TRIGGERED = 'workflow.node.triggered';
