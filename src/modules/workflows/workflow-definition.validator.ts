import { Injectable } from '@nestjs/common';
import { DomainError } from '../../platform/errors/domain-error.js';
import { NodeTypeCatalog } from './domain/node-type-catalog.js';
import { validateWorkflowDefinition, type WorkflowEdge, type WorkflowNode } from './domain/workflow-graph.js';

/** Saves only valid graphs: bad node configs → 400 naming the node; broken graph rules → 422. */
@Injectable()
export class WorkflowDefinitionValidator {
  constructor(private readonly catalog: NodeTypeCatalog) {}

  assertValid(nodes: WorkflowNode[], edges: WorkflowEdge[]): void {
    const { configErrors, graphErrors } = validateWorkflowDefinition({ nodes, edges }, this.catalog);
    if (configErrors.length > 0) {
      throw new DomainError(
        'invalid_input',
        'invalid_node_config',
        configErrors.map((error) => error.message).join('; '),
        configErrors,
      );
    }
    if (graphErrors.length > 0) {
      throw new DomainError(
        'unprocessable',
        'invalid_workflow_graph',
        graphErrors.map((error) => error.message).join('; '),
        graphErrors.map((error) => ({ field: error.code, message: error.message })),
      );
    }
  }
}
