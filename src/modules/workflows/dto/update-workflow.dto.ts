import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_WORKFLOW_VERSION } from '../domain/workflow-version.js';
import { CreateWorkflowDto } from './create-workflow.dto.js';

/** Any subset of the fields; a change to nodes or edges creates a new version. */
export class UpdateWorkflowDto extends PartialType(CreateWorkflowDto) {
  /** Optimistic concurrency without a header: the version you edited (same as `If-Match`). */
  @ApiPropertyOptional({ example: 3, maximum: MAX_WORKFLOW_VERSION })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_WORKFLOW_VERSION)
  version?: number;
}
