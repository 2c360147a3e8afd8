import { ApiProperty } from '@nestjs/swagger';
import { ApiKeyResponse } from './api-key.response.js';

export class ApiKeyPageResponse {
  @ApiProperty({ type: [ApiKeyResponse] })
  items!: ApiKeyResponse[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  limit!: number;

  @ApiProperty({ example: 1 })
  total!: number;
}
