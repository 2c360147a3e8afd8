import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CREDENTIAL_TYPES, type CredentialType } from '../domain/credential-type.js';
import type { CredentialEntity } from '../entities/credential.entity.js';

export class CredentialResponse {
  @ApiProperty({ format: 'uuid', example: '6f5e4d3c-2b1a-4f0e-9d8c-7b6a5f4e3d2c' })
  id!: string;

  @ApiProperty({ example: 'CRM API' })
  name!: string;

  @ApiProperty({ enum: CREDENTIAL_TYPES, example: 'bearer' })
  type!: CredentialType;

  /** Secrets masked: never returned in clear. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { token: '****EfGh' } })
  masked!: Record<string, string>;

  @ApiProperty({ example: '2026-11-22T12:00:00.000Z' })
  createdAt!: string;

  static from(row: CredentialEntity): CredentialResponse {
    return { id: row.id, name: row.name, type: row.type, masked: row.masked, createdAt: row.createdAt.toISOString() };
  }
}

export class CreatedCredentialResponse extends CredentialResponse {
  /** Only for a signing credential created without a secret: the generated secret, shown this once. */
  @ApiPropertyOptional({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })
  generatedSecret?: string;
}

export class CredentialPageResponse {
  @ApiProperty({ type: [CredentialResponse] })
  items!: CredentialResponse[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  limit!: number;

  @ApiProperty({ example: 1 })
  total!: number;
}
