import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/page-query.dto.js';
import { WORKFLOW_STATUSES, type WorkflowStatus } from '../domain/workflow-status.js';

export class ListWorkflowsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WORKFLOW_STATUSES, example: 'published' })
  @IsOptional()
  @IsIn(WORKFLOW_STATUSES)
  status?: WorkflowStatus;

  @ApiPropertyOptional({ example: 'sales' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  tag?: string;

  /** Case-insensitive substring of the name. */
  @ApiPropertyOptional({ example: 'orders' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  search?: string;
}
