import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';

export class ExecuteWorkflowDto {
  /** Becomes `trigger.body` of the execution. */
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { amount: 120, customer: 'ana@example.com' },
  })
  @IsOptional()
  @IsObject()
  input?: Record<string, unknown>;
}
