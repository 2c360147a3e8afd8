import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../../../platform/crypto/password-hasher.js';
import { invalidCredentials } from '../domain/auth-errors.js';
import type { SessionResponse } from '../dto/session.response.js';
import { TenantResponse } from '../dto/tenant.response.js';
import { UserResponse } from '../dto/user.response.js';
import { TenantEntity } from '../entities/tenant.entity.js';
import { UserEntity } from '../entities/user.entity.js';
import { SessionIssuer } from '../session-issuer.js';
import { LoginCommand } from './login.command.js';

@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand> {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private decoyHash: Promise<string> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(command: LoginCommand): Promise<SessionResponse> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = lower(:email)', { email: command.email })
      .getOne();
    if (!user) {
      this.decoyHash ??= this.passwords.hash('decoy password for unknown emails');
      await this.passwords.verify(await this.decoyHash, command.password);
      throw invalidCredentials();
    }
    if (!(await this.passwords.verify(user.passwordHash, command.password))) throw invalidCredentials();

    const tenant = await this.dataSource.getRepository(TenantEntity).findOneByOrFail({ id: user.tenantId });
    const tokens = await this.sessions.issue(this.dataSource.manager, user);
    return { ...tokens, user: UserResponse.from(user), tenant: TenantResponse.from(tenant) };
  }
}
