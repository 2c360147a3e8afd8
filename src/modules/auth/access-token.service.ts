import { Injectable } from '@nestjs/common';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { webcrypto } from 'node:crypto';
import { AppConfig } from '../../config/app-config.js';
import { ROLES, type Role } from './domain/role.js';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'flowhook';

export interface AccessTokenClaims {
  sub: string;
  tenantId: string;
  role: Role;
}

/** HS256 access tokens (15 min) with `sub`, `tenantId`, `role`; only HS256 is accepted on verify. */
@Injectable()
export class AccessTokenService {
  /** Imported once: given raw bytes, jose would import the key again on every sign and verify. */
  private readonly key: Promise<webcrypto.CryptoKey>;

  constructor(config: AppConfig) {
    this.key = webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(config.jwtSecret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
  }

  async sign(claims: AccessTokenClaims): Promise<string> {
    return new SignJWT({ tenantId: claims.tenantId, role: claims.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
      .sign(await this.key);
  }

  /** Returns the claims, or null for any invalid, forged, expired or malformed token. */
  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, await this.key, { algorithms: ['HS256'], issuer: ISSUER });
      const { sub, tenantId, role } = payload as { sub?: unknown; tenantId?: unknown; role?: unknown };
      if (typeof sub !== 'string' || typeof tenantId !== 'string' || !ROLES.includes(role as Role)) return null;
      return { sub, tenantId, role: role as Role };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError || error instanceof TypeError) return null;
      throw error;
    }
  }
}
