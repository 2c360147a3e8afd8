import pg from 'pg';

/**
 * SQL literals for the few statements sent with the simple query protocol, which allows several
 * statements in one round trip (e.g. the last writes of a transaction and its COMMIT) but no
 * parameters. Every value goes through pg's own escapeLiteral; nothing is concatenated raw.
 */
export function sqlLiteral(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('not a finite number');
    return String(value);
  }
  if (value instanceof Date) return `${pg.escapeLiteral(value.toISOString())}::timestamptz`;
  return pg.escapeLiteral(value);
}

/** An array literal of one element type: `ARRAY['a', 'b']::text[]`. */
export function sqlArray(
  values: readonly (string | number | boolean | null)[],
  type: 'text' | 'uuid' | 'boolean' | 'int' | 'jsonb',
): string {
  return `ARRAY[${values.map((value) => sqlLiteral(value)).join(', ')}]::${type}[]`;
}
