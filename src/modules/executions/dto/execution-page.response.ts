import { ApiProperty } from '@nestjs/swagger';
import { ExecutionSummaryResponse } from './execution-summary.response.js';

export class ExecutionPageResponse {
  @ApiProperty({ type: [ExecutionSummaryResponse] })
  items!: ExecutionSummaryResponse[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  limit!: number;

  @ApiProperty({ example: 1 })
  total!: number;
}
