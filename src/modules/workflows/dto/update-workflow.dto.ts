import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import { CreateWorkflowDto } from './create-workflow.dto.js';

/** Any subset of the fields; a change to nodes or edges creates a new version. */
export class UpdateWorkflowDto extends PartialType(CreateWorkflowDto) {
  /** Optimistic concurrency without a header: the version you edited (same as `If-Match`). */
  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
