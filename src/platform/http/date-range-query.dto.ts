import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** `dateFrom` / `dateTo`: inclusive ISO 8601 bounds; a date without a time as `dateTo` covers that whole (UTC) day. */
export class DateRangeQueryDto {
  /** Only what happened at or after this instant (inclusive, ISO 8601). */
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dateFrom?: string;

  /** Only what happened at or before this instant (inclusive, ISO 8601; `2026-11-30` means the end of that day). */
  @ApiPropertyOptional({ example: '2026-11-30T23:59:59Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dateTo?: string;
}
