import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { sha256Hex } from '../../../platform/crypto/tokens.js';
import { invalidRefreshToken, refreshTokenReused } from '../domain/auth-errors.js';
import type { SessionResponse } from '../dto/session.response.js';
import { TenantResponse } from '../dto/tenant.response.js';
import { UserResponse } from '../dto/user.response.js';
import { RefreshTokenEntity } from '../entities/refresh-token.entity.js';
import { TenantEntity } from '../entities/tenant.entity.js';
import { UserEntity } from '../entities/user.entity.js';
import { SessionIssuer } from '../session-issuer.js';
import { RefreshSessionCommand } from './refresh-session.command.js';

/**
 * Rotation with reuse detection: the presented token is consumed atomically (one of two concurrent
 * refreshes wins); a token that was already consumed or revoked revokes its whole family.
 */
@CommandHandler(RefreshSessionCommand)
export class RefreshSessionHandler implements ICommandHandler<RefreshSessionCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(command: RefreshSessionCommand): Promise<SessionResponse> {
    const tokenHash = sha256Hex(command.refreshToken);
    const session = await this.dataSource.transaction(async (manager) => {
      const consumed: RefreshTokenEntity[] = await manager
        .query(
          `UPDATE refresh_tokens SET revoked_at = now()
          WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
          RETURNING id, tenant_id AS "tenantId", user_id AS "userId", family_id AS "familyId"`,
          [tokenHash],
        )
        .then(([rows]: [RefreshTokenEntity[]]) => rows);
      const token = consumed[0];
      if (!token) return null;
      const user = await manager.findOneBy(UserEntity, { id: token.userId, tenantId: token.tenantId });
      if (!user) return null;
      const tenant = await manager.findOneByOrFail(TenantEntity, { id: user.tenantId });
      const tokens = await this.sessions.issue(manager, user, token.familyId);
      return { ...tokens, user: UserResponse.from(user), tenant: TenantResponse.from(tenant) };
    });
    if (session) return session;

    const known = await this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ tokenHash });
    if (known?.revokedAt) {
      await this.dataSource.query(
        `UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
        [known.familyId],
      );
      throw refreshTokenReused();
    }
    throw invalidRefreshToken();
  }
}
