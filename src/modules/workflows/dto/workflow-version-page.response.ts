import { ApiProperty } from '@nestjs/swagger';
import { WorkflowVersionResponse } from './workflow-version.response.js';

export class WorkflowVersionPageResponse {
  @ApiProperty({ type: [WorkflowVersionResponse] })
  items!: WorkflowVersionResponse[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  limit!: number;

  @ApiProperty({ example: 3 })
  total!: number;
}
