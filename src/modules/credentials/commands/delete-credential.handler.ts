import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TenantScopedRepository } from '../../../platform/database/tenant-scoped.repository.js';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { credentialNotFound } from '../credential-vault.js';
import { CredentialChangedEvent } from '../domain/credential-changed.event.js';
import { CredentialEntity } from '../entities/credential.entity.js';
import { DeleteCredentialCommand } from './delete-credential.command.js';

@CommandHandler(DeleteCredentialCommand)
export class DeleteCredentialHandler implements ICommandHandler<DeleteCredentialCommand> {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: DeleteCredentialCommand): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const credentials = new TenantScopedRepository(tx.manager.getRepository(CredentialEntity));
      const row = await credentials.findById(command.tenantId, command.credentialId);
      if (!row) throw credentialNotFound();
      await credentials.deleteById(command.tenantId, row.id);
      tx.record(
        new CredentialChangedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'credential',
          aggregateId: row.id,
          payload: { change: 'deleted', type: row.type },
        }),
      );
    });
  }
}
