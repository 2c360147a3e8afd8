import { ApiProperty } from '@nestjs/swagger';
import { WorkflowResponse } from './workflow.response.js';

export class WorkflowPageResponse {
  @ApiProperty({ type: [WorkflowResponse] })
  items!: WorkflowResponse[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  limit!: number;

  @ApiProperty({ example: 1 })
  total!: number;
}
