import { ApiProperty } from '@nestjs/swagger';
import { TenantResponse } from './tenant.response.js';
import { UserResponse } from './user.response.js';

export class MeResponse {
  @ApiProperty({ type: UserResponse })
  user!: UserResponse;

  @ApiProperty({ type: TenantResponse })
  tenant!: TenantResponse;
}
