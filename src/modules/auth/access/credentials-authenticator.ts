import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { IncomingHttpHeaders } from 'node:http';
import { Repository } from 'typeorm';
import { sha256Hex } from '../../../platform/crypto/tokens.js';
import { AccessTokenService } from '../access-token.service.js';
import { ApiKeyEntity } from '../entities/api-key.entity.js';
import { UserEntity } from '../entities/user.entity.js';
import type { Actor } from './actor.js';

/** lastUsedAt is written at most once a minute per key, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves the caller from `Authorization: Bearer <JWT>` or `X-API-Key`. The user behind a token is
 * looked up so that a deleted user or a changed role takes effect at once, not when the token expires.
 */
@Injectable()
export class CredentialsAuthenticator {
  constructor(
    private readonly accessTokens: AccessTokenService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(ApiKeyEntity) private readonly apiKeys: Repository<ApiKeyEntity>,
  ) {}

  async authenticate(headers: IncomingHttpHeaders): Promise<Actor | null> {
    const apiKey = single(headers['x-api-key']);
    if (apiKey) return this.fromApiKey(apiKey);
    const authorization = single(headers.authorization);
    const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    return bearer ? this.fromAccessToken(bearer) : null;
  }

  private async fromAccessToken(token: string): Promise<Actor | null> {
    const claims = await this.accessTokens.verify(token);
    if (!claims) return null;
    const user = await this.users.findOne({ where: { id: claims.sub, tenantId: claims.tenantId } });
    return user ? { kind: 'user', tenantId: user.tenantId, id: user.id, role: user.role } : null;
  }

  private async fromApiKey(key: string): Promise<Actor | null> {
    if (key.length > 200) return null;
    const row = await this.apiKeys.findOne({ where: { keyHash: sha256Hex(key) } });
    if (!row) return null;
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      void this.apiKeys.update({ id: row.id }, { lastUsedAt: new Date() }).catch(() => undefined);
    }
    return { kind: 'api_key', tenantId: row.tenantId, id: row.id, role: row.role };
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
