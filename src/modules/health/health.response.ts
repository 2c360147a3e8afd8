import { ApiProperty } from '@nestjs/swagger';

export class HealthResponse {
  @ApiProperty({ example: 'ok', enum: ['ok'] })
  status!: 'ok';

  @ApiProperty({ example: { postgres: 'up', redis: 'up' } })
  checks!: Record<string, 'up'>;
}
