import { ApiProperty } from '@nestjs/swagger';

export class WorkflowTriggerResponse {
  /** The execution that started; follow it with `GET /api/executions/:id`. */
  @ApiProperty({ format: 'uuid', example: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e' })
  executionId!: string;
}
