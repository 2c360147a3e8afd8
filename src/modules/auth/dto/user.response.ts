import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../domain/role.js';
import type { UserEntity } from '../entities/user.entity.js';

export class UserResponse {
  @ApiProperty({ format: 'uuid', example: '3f0c1f0e-7a52-4a0e-a0a5-6d1c1b8f2a10' })
  id!: string;

  @ApiProperty({ format: 'uuid', example: '9b2b6c1e-2f5e-4b5a-8a3c-1f2d3e4c5b6a' })
  tenantId!: string;

  @ApiProperty({ example: 'ana@example.com' })
  email!: string;

  @ApiProperty({ enum: ROLES, example: 'owner' })
  role!: Role;

  @ApiProperty({ example: '2026-11-22T12:00:00.000Z' })
  createdAt!: string;

  static from(user: UserEntity): UserResponse {
    return {
      id: user.id,
      tenantId: user.tenantId,
      email: user.email,
      role: user.role,
      createdAt: user.createdAt.toISOString(),
    };
  }
}
