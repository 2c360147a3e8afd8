import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_LIMIT = 100;
/** Far past any real list, and (page − 1) × limit stays an exact integer for OFFSET. */
export const MAX_PAGE = 1_000_000;

/** `?page=1&limit=20` (page ≤ 1,000,000, limit ≤ 100); extend it for list filters. */
export class PageQueryDto {
  /** 1-based page number, at most 1,000,000. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  /** Items per page, at most 100. */
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
