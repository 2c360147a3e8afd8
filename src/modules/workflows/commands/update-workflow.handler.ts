import { isDeepStrictEqual } from 'node:util';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { WorkflowResponse } from '../dto/workflow.response.js';
import { WorkflowUpdatedEvent } from '../events/workflow-updated.event.js';
import { WorkflowDefinitionValidator } from '../workflow-definition.validator.js';
import { WorkflowRepository } from '../workflow.repository.js';
import { UpdateWorkflowCommand } from './update-workflow.command.js';

/** Partial update; only a change to nodes or edges creates a new immutable version. */
@CommandHandler(UpdateWorkflowCommand)
export class UpdateWorkflowHandler implements ICommandHandler<UpdateWorkflowCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly validator: WorkflowDefinitionValidator,
    private readonly workflows: WorkflowRepository,
  ) {}

  execute(command: UpdateWorkflowCommand): Promise<WorkflowResponse> {
    const { changes } = command;
    return this.unitOfWork.run(async (tx) => {
      const workflow = await this.workflows.lockForWrite(
        tx.manager,
        command.tenantId,
        command.workflowId,
        command.expectedVersion,
      );
      const nodes = changes.nodes ?? workflow.nodes;
      const edges = changes.edges ?? workflow.edges;
      const graphChanged = !isDeepStrictEqual(nodes, workflow.nodes) || !isDeepStrictEqual(edges, workflow.edges);
      if (graphChanged) this.validator.assertValid(nodes, edges);

      const changed = (['name', 'description', 'tags'] as const).filter(
        (key) => changes[key] !== undefined && !isDeepStrictEqual(changes[key], workflow[key]),
      );
      if (changes.name !== undefined) workflow.name = changes.name;
      if (changes.description !== undefined) workflow.description = changes.description;
      if (changes.tags !== undefined) workflow.tags = changes.tags;
      if (graphChanged) {
        workflow.nodes = nodes;
        workflow.edges = edges;
        workflow.version += 1;
      }
      if (!graphChanged && changed.length === 0) return WorkflowResponse.from(workflow);

      const saved = await this.workflows.scoped(tx.manager).save(command.tenantId, workflow);
      if (graphChanged) await this.workflows.snapshot(tx.manager, saved, command.actorId);
      tx.record(
        new WorkflowUpdatedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'workflow',
          aggregateId: saved.id,
          payload: { version: saved.version, changed: graphChanged ? [...changed, 'graph'] : changed },
        }),
      );
      return WorkflowResponse.from(saved);
    });
  }
}
