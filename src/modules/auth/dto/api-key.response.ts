import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../domain/role.js';
import type { ApiKeyEntity } from '../entities/api-key.entity.js';

export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid', example: '5d7c2a4e-8f1b-4c3d-9e2a-7b6c5d4e3f21' })
  id!: string;

  @ApiProperty({ example: 'CRM sync' })
  name!: string;

  @ApiProperty({ enum: ROLES, example: 'editor' })
  role!: Role;

  /** The first characters of the key, to recognise it. */
  @ApiProperty({ example: 'fhk_Q2x9' })
  keyPrefix!: string;

  @ApiPropertyOptional({ example: '2026-11-22T12:30:00.000Z', nullable: true, type: String })
  lastUsedAt!: string | null;

  @ApiProperty({ example: '2026-11-22T12:00:00.000Z' })
  createdAt!: string;

  static from(key: ApiKeyEntity): ApiKeyResponse {
    return {
      id: key.id,
      name: key.name,
      role: key.role,
      keyPrefix: key.keyPrefix,
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      createdAt: key.createdAt.toISOString(),
    };
  }
}
