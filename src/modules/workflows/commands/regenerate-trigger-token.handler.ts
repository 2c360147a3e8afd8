import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SecretBox } from '../../../platform/crypto/secret-box.js';
import { generateToken } from '../../../platform/crypto/tokens.js';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import type { TriggerTokenResponse } from '../dto/trigger-token.response.js';
import { WorkflowEntity } from '../entities/workflow.entity.js';
import { WorkflowTriggerTokenRegeneratedEvent } from '../events/workflow-trigger-token-regenerated.event.js';
import { TRIGGER_TOKEN_AAD, TRIGGER_TOKEN_PREFIX } from '../trigger-token.js';
import { WorkflowRepository } from '../workflow.repository.js';
import { RegenerateTriggerTokenCommand } from './regenerate-trigger-token.command.js';

@CommandHandler(RegenerateTriggerTokenCommand)
export class RegenerateTriggerTokenHandler implements ICommandHandler<RegenerateTriggerTokenCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly workflows: WorkflowRepository,
    private readonly secretBox: SecretBox,
  ) {}

  execute(command: RegenerateTriggerTokenCommand): Promise<TriggerTokenResponse> {
    return this.unitOfWork.run(async (tx) => {
      const workflow = await this.workflows.lockForWrite(tx.manager, command.tenantId, command.workflowId, undefined);
      const triggerToken = generateToken(TRIGGER_TOKEN_PREFIX);
      await tx.manager.update(
        WorkflowEntity,
        { id: workflow.id, tenantId: command.tenantId },
        { triggerTokenSealed: this.secretBox.seal(command.tenantId, triggerToken, TRIGGER_TOKEN_AAD) },
      );
      tx.record(
        new WorkflowTriggerTokenRegeneratedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'workflow',
          aggregateId: workflow.id,
          payload: {},
        }),
      );
      return { triggerToken };
    });
  }
}
