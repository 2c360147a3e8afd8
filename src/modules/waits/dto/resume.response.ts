import { ApiProperty } from '@nestjs/swagger';

export class ResumeResponse {
  /** Always `resumed`: the wait node completed with this request and the execution goes on. */
  @ApiProperty({ enum: ['resumed'], example: 'resumed' })
  status!: 'resumed';

  @ApiProperty({ format: 'uuid', example: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e' })
  executionId!: string;
}
