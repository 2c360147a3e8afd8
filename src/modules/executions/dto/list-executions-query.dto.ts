import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DateRangeQueryDto } from '../../../platform/http/date-range-query.dto.js';
import { PageQueryDto } from '../../../platform/http/page-query.dto.js';
import { EXECUTION_STATUSES, type ExecutionStatus } from '../domain/execution-status.js';

export class ListExecutionsQueryDto extends IntersectionType(PageQueryDto, DateRangeQueryDto) {
  @ApiPropertyOptional({ enum: EXECUTION_STATUSES, example: 'failed' })
  @IsOptional()
  @IsIn(EXECUTION_STATUSES)
  status?: ExecutionStatus;
}
