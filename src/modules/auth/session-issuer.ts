import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { generateToken, sha256Hex } from '../../platform/crypto/tokens.js';
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokenService } from './access-token.service.js';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';
import type { UserEntity } from './entities/user.entity.js';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** Issues an access token and a new refresh token of a (new or continuing) rotation family. */
@Injectable()
export class SessionIssuer {
  constructor(private readonly accessTokens: AccessTokenService) {}

  async issue(manager: EntityManager, user: UserEntity, familyId: string = randomUUID()): Promise<SessionTokens> {
    const refreshToken = generateToken('rt', 32);
    await manager.insert(RefreshTokenEntity, {
      tenantId: user.tenantId,
      userId: user.id,
      familyId,
      tokenHash: sha256Hex(refreshToken),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
      revokedAt: null,
    });
    const accessToken = await this.accessTokens.sign({ sub: user.id, tenantId: user.tenantId, role: user.role });
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }
}
