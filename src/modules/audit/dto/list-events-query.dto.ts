import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MAX_PAGE_LIMIT } from '../../../platform/http/page-query.dto.js';

export class ListEventsQueryDto {
  /** Exact event type, e.g. `workflow.published`. */
  @ApiPropertyOptional({ example: 'workflow.published' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  type?: string;

  /** Only events after this sequence number (use `nextAfterSequence` of the previous page); at most 2^53 − 1. */
  @ApiPropertyOptional({ type: 'integer', example: 0, minimum: 0, maximum: Number.MAX_SAFE_INTEGER })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  afterSequence: number = 0;

  @ApiPropertyOptional({ example: 50, maximum: MAX_PAGE_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit: number = 50;
}
