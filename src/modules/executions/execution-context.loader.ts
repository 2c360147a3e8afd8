import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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

  async load(
    manager: EntityManager,
    execution: { id: string; tenantId: string; workflowId: string; workflowVersion: number; triggerInput: unknown; contactId: string | null },
  ): Promise<LoadedContext> {
    const outputs: { nodeId: string; output: unknown }[] = await manager.query(
      `SELECT node_id AS "nodeId", output FROM node_executions WHERE execution_id = $1 AND status = 'succeeded'`,
      [execution.id],
    );
    const nodes: ExpressionContext['nodes'] = {};
    for (const row of outputs) nodes[row.nodeId] = { output: row.output };
    const { contact, bindings } = await this.bindings.resolve(execution.tenantId, execution.id, execution.contactId);
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
