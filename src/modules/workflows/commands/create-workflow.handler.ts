import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { generateToken } from '../../../platform/crypto/tokens.js';
import { SecretBox } from '../../../platform/crypto/secret-box.js';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { WorkflowResponse } from '../dto/workflow.response.js';
import { WorkflowEntity } from '../entities/workflow.entity.js';
import { WorkflowCreatedEvent } from '../events/workflow-created.event.js';
import { WorkflowDefinitionValidator } from '../workflow-definition.validator.js';
import { WorkflowRepository } from '../workflow.repository.js';
import { TRIGGER_TOKEN_AAD, TRIGGER_TOKEN_PREFIX } from '../trigger-token.js';
import { CreateWorkflowCommand } from './create-workflow.command.js';

@CommandHandler(CreateWorkflowCommand)
export class CreateWorkflowHandler implements ICommandHandler<CreateWorkflowCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly validator: WorkflowDefinitionValidator,
    private readonly workflows: WorkflowRepository,
    private readonly secretBox: SecretBox,
  ) {}

  execute(command: CreateWorkflowCommand): Promise<WorkflowResponse> {
    const { definition } = command;
    this.validator.assertValid(definition.nodes, definition.edges);
    return this.unitOfWork.run(async (tx) => {
      const workflow = await tx.manager.save(
        tx.manager.create(WorkflowEntity, {
          tenantId: command.tenantId,
          name: definition.name,
          description: definition.description ?? null,
          tags: definition.tags ?? [],
          status: 'draft',
          version: 1,
          publishedVersion: null,
          nodes: definition.nodes,
          edges: definition.edges,
          triggerTokenSealed: this.secretBox.seal(
            command.tenantId,
            generateToken(TRIGGER_TOKEN_PREFIX),
            TRIGGER_TOKEN_AAD,
          ),
          createdBy: command.actorId,
        }),
      );
      await this.workflows.snapshot(tx.manager, workflow, command.actorId);
      tx.record(
        new WorkflowCreatedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'workflow',
          aggregateId: workflow.id,
          payload: { name: workflow.name, version: 1 },
        }),
      );
      return WorkflowResponse.from(workflow);
    });
  }
}
