import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { generateToken, sha256Hex } from '../../../platform/crypto/tokens.js';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { roleAboveOwn } from '../domain/auth-errors.js';
import { roleAtLeast } from '../domain/role.js';
import { ApiKeyResponse } from '../dto/api-key.response.js';
import type { CreatedApiKeyResponse } from '../dto/created-api-key.response.js';
import { ApiKeyEntity } from '../entities/api-key.entity.js';
import { ApiKeyCreatedEvent } from '../events/api-key-created.event.js';
import { CreateApiKeyCommand } from './create-api-key.command.js';

const KEY_PREFIX_LENGTH = 8;

@CommandHandler(CreateApiKeyCommand)
export class CreateApiKeyHandler implements ICommandHandler<CreateApiKeyCommand> {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(command: CreateApiKeyCommand): Promise<CreatedApiKeyResponse> {
    if (!roleAtLeast(command.actorRole, command.role)) throw roleAboveOwn();
    const key = generateToken('fhk', 32);
    return this.unitOfWork.run(async (tx) => {
      const row = await tx.manager.save(
        tx.manager.create(ApiKeyEntity, {
          tenantId: command.tenantId,
          name: command.name,
          role: command.role,
          keyPrefix: key.slice(0, KEY_PREFIX_LENGTH),
          keyHash: sha256Hex(key),
          createdBy: command.actorId,
          lastUsedAt: null,
        }),
      );
      tx.record(
        new ApiKeyCreatedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'api_key',
          aggregateId: row.id,
          payload: { name: row.name, role: row.role },
        }),
      );
      return { ...ApiKeyResponse.from(row), key };
    });
  }
}
