import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CreateWorkflowDto } from './create-workflow.dto.js';

/** Versions are PostgreSQL integers. */
const MAX_VERSION = 2_147_483_647;

/** Any subset of the fields; a change to nodes or edges creates a new version. */
export class UpdateWorkflowDto extends PartialType(CreateWorkflowDto) {
  /** Optimistic concurrency without a header: the version you edited (same as `If-Match`). */
  @ApiPropertyOptional({ example: 3, maximum: MAX_VERSION })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  version?: number;
}
