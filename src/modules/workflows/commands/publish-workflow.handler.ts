import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { WorkflowResponse } from '../dto/workflow.response.js';
import { WorkflowPublishedEvent } from '../events/workflow-published.event.js';
import { WorkflowRepository } from '../workflow.repository.js';
import { PublishWorkflowCommand } from './publish-workflow.command.js';

@CommandHandler(PublishWorkflowCommand)
export class PublishWorkflowHandler implements ICommandHandler<PublishWorkflowCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly workflows: WorkflowRepository,
  ) {}

  execute(command: PublishWorkflowCommand): Promise<WorkflowResponse> {
    return this.unitOfWork.run(async (tx) => {
      const workflow = await this.workflows.lockForWrite(tx.manager, command.tenantId, command.workflowId, undefined);
      if (workflow.status === 'published' && workflow.publishedVersion === workflow.version)
        return WorkflowResponse.from(workflow);
      workflow.status = 'published';
      workflow.publishedVersion = workflow.version;
      const saved = await this.workflows.scoped(tx.manager).save(command.tenantId, workflow);
      tx.record(
        new WorkflowPublishedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'workflow',
          aggregateId: saved.id,
          payload: { version: saved.version },
        }),
      );
      return WorkflowResponse.from(saved);
    });
  }
}
