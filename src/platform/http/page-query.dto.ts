import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_LIMIT = 100;
/** Far past any real list, and (page − 1) × limit stays an exact integer for OFFSET. */
export const MAX_PAGE = 1_000_000;

/** `?page=1&limit=20` (page ≤ 1,000,000, limit ≤ 100); extend it for list filters. */
export class PageQueryDto {
  /** 1-based page number, at most 1,000,000. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1, example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  /** Items per page, at most 100. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT, default: 20, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit: number = 20;
}

export interface PageResult<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}
