import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { workflowVersionNotFound } from '../domain/workflow-errors.js';
import { WorkflowResponse } from '../dto/workflow.response.js';
import { WorkflowRevertedEvent } from '../events/workflow-reverted.event.js';
import { WorkflowDefinitionValidator } from '../workflow-definition.validator.js';
import { WorkflowRepository } from '../workflow.repository.js';
import { RevertWorkflowCommand } from './revert-workflow.command.js';

@CommandHandler(RevertWorkflowCommand)
export class RevertWorkflowHandler implements ICommandHandler<RevertWorkflowCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly workflows: WorkflowRepository,
    private readonly validator: WorkflowDefinitionValidator,
  ) {}

  execute(command: RevertWorkflowCommand): Promise<WorkflowResponse> {
    return this.unitOfWork.run(async (tx) => {
      const workflow = await this.workflows.lockForWrite(tx.manager, command.tenantId, command.workflowId, undefined);
      const old = await this.workflows
        .versions(tx.manager)
        .findOne(command.tenantId, { workflowId: workflow.id, version: command.toVersion });
      if (!old) throw workflowVersionNotFound(command.toVersion);
      // Node types may have changed since: an old graph is saved only if it is still valid.
      this.validator.assertValid(old.nodes, old.edges);
      workflow.nodes = old.nodes;
      workflow.edges = old.edges;
      workflow.version += 1;
      const saved = await this.workflows.scoped(tx.manager).save(command.tenantId, workflow);
      await this.workflows.snapshot(tx.manager, saved, command.actorId);
      tx.record(
        new WorkflowRevertedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'workflow',
          aggregateId: saved.id,
          payload: { fromVersion: command.toVersion, version: saved.version },
        }),
      );
      return WorkflowResponse.from(saved);
    });
  }
}
