import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PasswordHasher } from '../../../platform/crypto/password-hasher.js';
import { isUniqueViolation } from '../../../platform/database/postgres-errors.js';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { emailTaken, roleAboveOwn } from '../domain/auth-errors.js';
import { roleAtLeast } from '../domain/role.js';
import { UserResponse } from '../dto/user.response.js';
import { UserEntity } from '../entities/user.entity.js';
import { UserCreatedEvent } from '../events/user-created.event.js';
import { CreateUserCommand } from './create-user.command.js';

@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly passwords: PasswordHasher,
  ) {}

  async execute(command: CreateUserCommand): Promise<UserResponse> {
    if (!roleAtLeast(command.actorRole, command.role)) throw roleAboveOwn();
    const passwordHash = await this.passwords.hash(command.password);
    try {
      return await this.unitOfWork.run(async (tx) => {
        const user = await tx.manager.save(
          tx.manager.create(UserEntity, {
            tenantId: command.tenantId,
            email: command.email.toLowerCase(),
            passwordHash,
            role: command.role,
          }),
        );
        tx.record(
          new UserCreatedEvent({
            tenantId: command.tenantId,
            actorId: command.actorId,
            aggregateType: 'user',
            aggregateId: user.id,
            payload: { email: user.email, role: user.role },
          }),
        );
        return UserResponse.from(user);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) throw emailTaken();
      throw error;
    }
  }
}
