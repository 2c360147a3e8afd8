import { ApiProperty } from '@nestjs/swagger';
import { NodeExecutionResponse } from './node-execution.response.js';

export class NodeExecutionPageResponse {
  @ApiProperty({ type: [NodeExecutionResponse] })
  items!: NodeExecutionResponse[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  limit!: number;

  @ApiProperty({ example: 1 })
  total!: number;
}
