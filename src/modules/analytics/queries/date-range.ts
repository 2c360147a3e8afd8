import { DomainError } from '../../../platform/errors/domain-error.js';

/** Inclusive bounds of an analytics query, as SQL parameters (null = unbounded). */
export interface DateRange {
  from: string | null;
  to: string | null;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Validated `dateFrom`/`dateTo` (ISO 8601, already checked by the DTO) → SQL bounds. A date-only
 * `dateTo` includes its whole UTC day; `dateFrom` after `dateTo` is a 400.
 */
export function toDateRange(dateFrom: string | undefined, dateTo: string | undefined): DateRange {
  const from = dateFrom ?? null;
  const to = dateTo === undefined ? null : DATE_ONLY.test(dateTo) ? `${dateTo}T23:59:59.999999Z` : dateTo;
  if (from !== null && to !== null && Date.parse(from) > Date.parse(to)) {
    throw new DomainError('invalid_input', 'validation_failed', 'The request is invalid; see errors for each field.', [
      { field: 'dateFrom', message: 'dateFrom must not be after dateTo' },
    ]);
  }
  return { from, to };
}

/** Milliseconds from PostgreSQL (float8, possibly null) rounded to microseconds, as the API returns them. */
export function roundMs(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}
