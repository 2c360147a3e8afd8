import { Injectable } from '@nestjs/common';
import type { ExpressionContext } from './domain/node-handler.js';
import { ExecutionBindings } from './execution-bindings.js';

export interface LoadedContext {
  context: ExpressionContext;
  bindings: Record<string, unknown>;
  triggerInput: unknown;
}

/** Builds what a node's templates see from the execution's recorded state. */
@Injectable()
export class ExecutionContextLoader {
  constructor(private readonly bindings: ExecutionBindings) {}

  /** `outputs`: the outputs of the execution's succeeded nodes, by node id. */
  async load(
    execution: {
      id: string;
      tenantId: string;
      workflowId: string;
      workflowVersion: number;
      triggerInput: unknown;
      contactId: string | null;
    },
    outputs: Record<string, unknown>,
  ): Promise<LoadedContext> {
    const nodes: ExpressionContext['nodes'] = {};
    for (const [nodeId, output] of Object.entries(outputs)) nodes[nodeId] = { output };
    const { contact, bindings } = await this.bindings.resolve(
      {
        tenantId: execution.tenantId,
        executionId: execution.id,
        workflowId: execution.workflowId,
        workflowVersion: execution.workflowVersion,
      },
      execution.contactId,
    );
    return {
      context: {
        trigger: execution.triggerInput,
        nodes,
        contact,
        execution: { id: execution.id, workflowId: execution.workflowId, workflowVersion: execution.workflowVersion },
      },
      bindings,
      triggerInput: execution.triggerInput,
    };
  }
}
