import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PasswordHasher } from '../../../platform/crypto/password-hasher.js';
import { isUniqueViolation } from '../../../platform/database/postgres-errors.js';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { emailTaken } from '../domain/auth-errors.js';
import type { SessionResponse } from '../dto/session.response.js';
import { TenantResponse } from '../dto/tenant.response.js';
import { UserResponse } from '../dto/user.response.js';
import { TenantEntity } from '../entities/tenant.entity.js';
import { UserEntity } from '../entities/user.entity.js';
import { TenantRegisteredEvent } from '../events/tenant-registered.event.js';
import { UserCreatedEvent } from '../events/user-created.event.js';
import { SessionIssuer } from '../session-issuer.js';
import { RegisterTenantCommand } from './register-tenant.command.js';

@CommandHandler(RegisterTenantCommand)
export class RegisterTenantHandler implements ICommandHandler<RegisterTenantCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(command: RegisterTenantCommand): Promise<SessionResponse> {
    const passwordHash = await this.passwords.hash(command.password);
    try {
      return await this.unitOfWork.run(async (tx) => {
        const tenant = await tx.manager.save(tx.manager.create(TenantEntity, { name: command.tenantName }));
        const user = await tx.manager.save(
          tx.manager.create(UserEntity, {
            tenantId: tenant.id,
            email: command.email.toLowerCase(),
            passwordHash,
            role: 'owner',
          }),
        );
        const tokens = await this.sessions.issue(tx.manager, user);
        tx.record(
          new TenantRegisteredEvent({
            tenantId: tenant.id,
            actorId: user.id,
            aggregateType: 'tenant',
            aggregateId: tenant.id,
            payload: { name: tenant.name, ownerId: user.id },
          }),
        );
        tx.record(
          new UserCreatedEvent({
            tenantId: tenant.id,
            actorId: user.id,
            aggregateType: 'user',
            aggregateId: user.id,
            payload: { email: user.email, role: user.role },
          }),
        );
        return { ...tokens, user: UserResponse.from(user), tenant: TenantResponse.from(tenant) };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) throw emailTaken();
      throw error;
    }
  }
}
