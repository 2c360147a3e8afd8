// The executions module's public API: what other modules may import from it.
export { ExecutionsModule } from './executions.module.js';
export { ExecutionsWorkerModule } from './executions-worker.module.js';
export { StartExecutionCommand } from './commands/start-execution.command.js';
export { NodeError } from './domain/node-error.js';
export type { NodeHandler, NodeResult, NodeRunContext } from './domain/node-handler.js';
export { ExecutionBindings } from './execution-bindings.js';
export { NodeHandlerRegistry } from './node-handler.registry.js';
export { serializeOutput } from './node-output-limit.js';
export { WaitingNodes } from './waiting-nodes.js';
export { ExecutionCancelledEvent } from './events/execution-cancelled.event.js';
export { ExecutionFailedEvent } from './events/execution-failed.event.js';
export { ExecutionStartedEvent } from './events/execution-started.event.js';
export { ExecutionSucceededEvent } from './events/execution-succeeded.event.js';
