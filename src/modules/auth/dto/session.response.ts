import { ApiProperty } from '@nestjs/swagger';
import { TenantResponse } from './tenant.response.js';
import { UserResponse } from './user.response.js';

/** Tokens plus who they are for; answered by register, login and refresh. */
export class SessionResponse {
  /** JWT (HS256, 15 minutes) with `sub`, `tenantId`, `role`; send as `Authorization: Bearer`. */
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0ZW5hbnRJZCI6Ii4uLiJ9.c2lnbmF0dXJl' })
  accessToken!: string;

  /** Opaque, single use: each refresh returns a new one. */
  @ApiProperty({ example: 'rt_Vn7x0ZkQdE1p9mYc4bq8HcW2sF3uL6tJ' })
  refreshToken!: string;

  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] })
  tokenType!: 'Bearer';

  /** Seconds until the access token expires. */
  @ApiProperty({ example: 900 })
  expiresIn!: number;

  @ApiProperty({ type: UserResponse })
  user!: UserResponse;

  @ApiProperty({ type: TenantResponse })
  tenant!: TenantResponse;
}
