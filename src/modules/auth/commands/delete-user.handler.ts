import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TenantScopedRepository } from '../../../platform/database/tenant-scoped.repository.js';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { userNotFound } from '../domain/auth-errors.js';
import { UserEntity } from '../entities/user.entity.js';
import { UserDeletedEvent } from '../events/user-deleted.event.js';
import { DeleteUserCommand } from './delete-user.command.js';
import { assertOwnerMayBeRemoved } from './owner-guard-rails.js';

/** Removes the user; their refresh tokens go with them (ON DELETE CASCADE) and access tokens stop at once. */
@CommandHandler(DeleteUserCommand)
export class DeleteUserHandler implements ICommandHandler<DeleteUserCommand> {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: DeleteUserCommand): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const users = new TenantScopedRepository(tx.manager.getRepository(UserEntity));
      const user = await users.findById(command.tenantId, command.userId);
      if (!user) throw userNotFound();
      await assertOwnerMayBeRemoved(tx.manager, command.actorRole, user);
      await users.deleteById(command.tenantId, user.id);
      tx.record(
        new UserDeletedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'user',
          aggregateId: user.id,
          payload: { email: user.email },
        }),
      );
    });
  }
}
