import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TenantScopedRepository } from '../../../platform/database/tenant-scoped.repository.js';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { roleAboveOwn, userNotFound } from '../domain/auth-errors.js';
import { roleAtLeast } from '../domain/role.js';
import { UserResponse } from '../dto/user.response.js';
import { UserEntity } from '../entities/user.entity.js';
import { UserRoleChangedEvent } from '../events/user-role-changed.event.js';
import { ChangeUserRoleCommand } from './change-user-role.command.js';
import { assertOwnerMayBeRemoved } from './owner-guard-rails.js';

@CommandHandler(ChangeUserRoleCommand)
export class ChangeUserRoleHandler implements ICommandHandler<ChangeUserRoleCommand> {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: ChangeUserRoleCommand): Promise<UserResponse> {
    return this.unitOfWork.run(async (tx) => {
      const users = new TenantScopedRepository(tx.manager.getRepository(UserEntity));
      const user = await users.findById(command.tenantId, command.userId);
      if (!user) throw userNotFound();
      if (!roleAtLeast(command.actorRole, command.role)) throw roleAboveOwn();
      if (user.role === command.role) return UserResponse.from(user);
      await assertOwnerMayBeRemoved(tx.manager, command.actorRole, user);
      const from = user.role;
      user.role = command.role;
      await users.save(command.tenantId, user);
      tx.record(
        new UserRoleChangedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'user',
          aggregateId: user.id,
          payload: { from, to: user.role },
        }),
      );
      return UserResponse.from(user);
    });
  }
}
