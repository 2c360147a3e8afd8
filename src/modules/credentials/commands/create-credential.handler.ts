import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SecretBox } from '../../../platform/crypto/secret-box.js';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { maskCredentialData, parseCredentialData } from '../domain/credential-data.js';
import { CREDENTIAL_AAD } from '../credential-vault.js';
import { CredentialResponse, type CreatedCredentialResponse } from '../dto/credential.response.js';
import { CredentialEntity } from '../entities/credential.entity.js';
import { CredentialChangedEvent } from '../domain/credential-changed.event.js';
import { CreateCredentialCommand } from './create-credential.command.js';

@CommandHandler(CreateCredentialCommand)
export class CreateCredentialHandler implements ICommandHandler<CreateCredentialCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly secretBox: SecretBox,
  ) {}

  async execute(command: CreateCredentialCommand): Promise<CreatedCredentialResponse> {
    const { data, generated } = parseCredentialData(command.input.type, command.input.data);
    const row = await this.unitOfWork.run(async (tx) => {
      const saved = await tx.manager.save(
        tx.manager.create(CredentialEntity, {
          tenantId: command.tenantId,
          name: command.input.name,
          type: command.input.type,
          dataSealed: this.secretBox.sealJson(command.tenantId, data, CREDENTIAL_AAD),
          masked: maskCredentialData(data),
          createdBy: command.actorId,
        }),
      );
      tx.record(
        new CredentialChangedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'credential',
          aggregateId: saved.id,
          payload: { change: 'created', type: saved.type },
        }),
      );
      return saved;
    });
    return {
      ...CredentialResponse.from(row),
      ...(generated && data.type === 'signing' ? { generatedSecret: data.secret } : {}),
    };
  }
}
