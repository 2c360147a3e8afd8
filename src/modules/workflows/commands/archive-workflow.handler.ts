import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { WorkflowArchivedEvent } from '../events/workflow-archived.event.js';
import { WorkflowRepository } from '../workflow.repository.js';
import { ArchiveWorkflowCommand } from './archive-workflow.command.js';

@CommandHandler(ArchiveWorkflowCommand)
export class ArchiveWorkflowHandler implements ICommandHandler<ArchiveWorkflowCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly workflows: WorkflowRepository,
  ) {}

  execute(command: ArchiveWorkflowCommand): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const workflow = await this.workflows.lockForWrite(
        tx.manager,
        command.tenantId,
        command.workflowId,
        command.expectedVersion,
        true,
      );
      if (workflow.status === 'archived') return;
      workflow.status = 'archived';
      await this.workflows.scoped(tx.manager).save(command.tenantId, workflow);
      tx.record(
        new WorkflowArchivedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'workflow',
          aggregateId: workflow.id,
          payload: { version: workflow.version },
        }),
      );
    });
  }
}
