import { ApiProperty } from '@nestjs/swagger';
import { ExecutionSummaryResponse } from './execution-summary.response.js';
import { NodeExecutionResponse } from './node-execution.response.js';

/** An execution with every node execution (status, input, output, error, timings, attempts). */
export class ExecutionResponse extends ExecutionSummaryResponse {
  @ApiProperty({ type: [NodeExecutionResponse] })
  nodeExecutions!: NodeExecutionResponse[];
}
