import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/page-query.dto.js';
import { EXECUTION_STATUSES, type ExecutionStatus } from '../domain/execution-status.js';

export class ListExecutionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EXECUTION_STATUSES, example: 'failed' })
  @IsOptional()
  @IsIn(EXECUTION_STATUSES)
  status?: ExecutionStatus;

  /** Created at or after (inclusive, ISO 8601). */
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dateFrom?: string;

  /** Created at or before (inclusive, ISO 8601). */
  @ApiPropertyOptional({ example: '2026-11-30T23:59:59Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dateTo?: string;
}
