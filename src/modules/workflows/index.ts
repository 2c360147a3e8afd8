// The workflows module's public API: what other modules may import from it.
export { WorkflowsModule } from './workflows.module.js';
export { WorkflowVersionReader } from './workflow-version.reader.js';
export { TriggerTokenVerifier } from './trigger-token.verifier.js';
export { WorkflowArchivedEvent } from './events/workflow-archived.event.js';
export { workflowNotFound } from './domain/workflow-errors.js';
export type { WorkflowGraph, WorkflowNode } from './domain/workflow-graph.js';
export { NodeTypeCatalog } from './domain/node-type-catalog.js';
export type { NodeTypeDefinition } from './domain/node-type-definition.js';
export {
  dottedKeyConflicts,
  dottedPathKeySchema,
  nodeRetrySchema,
  withRetry,
} from './domain/config-schema-fragments.js';
