import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TenantScopedRepository } from '../../../platform/database/tenant-scoped.repository.js';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { apiKeyNotFound } from '../domain/auth-errors.js';
import { ApiKeyEntity } from '../entities/api-key.entity.js';
import { ApiKeyRevokedEvent } from '../events/api-key-revoked.event.js';
import { RevokeApiKeyCommand } from './revoke-api-key.command.js';

/** Deletes the key: it stops working with the next request. */
@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand> {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: RevokeApiKeyCommand): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const keys = new TenantScopedRepository(tx.manager.getRepository(ApiKeyEntity));
      const key = await keys.findById(command.tenantId, command.apiKeyId);
      if (!key) throw apiKeyNotFound();
      await keys.deleteById(command.tenantId, key.id);
      tx.record(
        new ApiKeyRevokedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'api_key',
          aggregateId: key.id,
          payload: { name: key.name },
        }),
      );
    });
  }
}
