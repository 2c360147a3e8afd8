import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DateRangeQueryDto } from './date-range-query.dto.js';

function failingFields(query: Record<string, string>): string[] {
  return validateSync(plainToInstance(DateRangeQueryDto, query)).map((error) => error.property);
}

describe('DateRangeQueryDto', () => {
  it.each([
    '2026-11-30',
    '2026-11-30T12:00Z',
    '2026-11-30T12:00:00Z',
    '2026-11-30T12:00:00.123456Z',
    '2026-11-30T12:00:00+15:59',
    '2026-11-30T12:00:00-03:00',
    '2026-11-30T12:00:00',
  ])('takes %s, which PostgreSQL reads', (value) => {
    expect(failingFields({ dateFrom: value, dateTo: value })).toEqual([]);
  });

  it.each([
    '2026-W01-1',
    '2026-001',
    '2026-11',
    '2026',
    '20261130',
    '2026-11-30T10',
    '2026-11-30T10,5',
    '2026-11-30T10:00:00+23:59',
    '2026-02-30',
    'yesterday',
  ])('refuses %s, which PostgreSQL does not (or which is no date)', (value) => {
    expect(failingFields({ dateFrom: value, dateTo: value })).toEqual(['dateFrom', 'dateTo']);
  });
});
