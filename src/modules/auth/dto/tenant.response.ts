import { ApiProperty } from '@nestjs/swagger';
import type { TenantEntity } from '../entities/tenant.entity.js';

export class TenantResponse {
  @ApiProperty({ format: 'uuid', example: '9b2b6c1e-2f5e-4b5a-8a3c-1f2d3e4c5b6a' })
  id!: string;

  @ApiProperty({ example: 'Acme Store' })
  name!: string;

  @ApiProperty({ example: '2026-11-22T12:00:00.000Z' })
  createdAt!: string;

  static from(tenant: TenantEntity): TenantResponse {
    return { id: tenant.id, name: tenant.name, createdAt: tenant.createdAt.toISOString() };
  }
}
