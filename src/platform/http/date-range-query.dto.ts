import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

/**
 * The ISO 8601 forms PostgreSQL reads as a timestamptz: a calendar date, or a date-time to the
 * minute or finer with an optional offset. ISO also allows week dates, year-months and hours alone,
 * which PostgreSQL refuses.
 */
const DATE_OR_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-](?:0\d|1[0-5]):[0-5]\d)?)?$/;
const FORMS = 'a date (2026-11-30) or a date-time (2026-11-30T12:00:00Z)';

/** `dateFrom` / `dateTo`: inclusive ISO 8601 bounds; a date without a time as `dateTo` covers that whole (UTC) day. */
export class DateRangeQueryDto {
  /** Only what happened at or after this instant (inclusive, ISO 8601). */
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', pattern: DATE_OR_DATE_TIME.source })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE_OR_DATE_TIME, { message: `dateFrom must be ${FORMS}` })
  dateFrom?: string;

  /** Only what happened at or before this instant (inclusive, ISO 8601; `2026-11-30` means the end of that day). */
  @ApiPropertyOptional({ example: '2026-11-30T23:59:59Z', pattern: DATE_OR_DATE_TIME.source })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE_OR_DATE_TIME, { message: `dateTo must be ${FORMS}` })
  dateTo?: string;
}
