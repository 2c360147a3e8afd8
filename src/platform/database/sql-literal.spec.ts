import { sqlArray, sqlLiteral } from './sql-literal.js';

describe('sqlLiteral', () => {
  it('quotes strings with pg escaping, including quotes and backslashes', () => {
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(sqlLiteral('a\\b')).toBe(" E'a\\\\b'");
    expect(sqlLiteral("'); DROP TABLE executions; --")).toBe("'''); DROP TABLE executions; --'");
  });

  it('writes null, booleans, finite numbers and timestamps', () => {
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(undefined)).toBe('NULL');
    expect(sqlLiteral(true)).toBe('true');
    expect(sqlLiteral(42)).toBe('42');
    expect(sqlLiteral(new Date('2026-01-02T03:04:05.000Z'))).toBe("'2026-01-02T03:04:05.000Z'::timestamptz");
    expect(() => sqlLiteral(Number.NaN)).toThrow('not a finite number');
  });

  it('builds typed arrays from escaped elements', () => {
    expect(sqlArray(['a', "b'c"], 'text')).toBe("ARRAY['a', 'b''c']::text[]");
    expect(sqlArray([true, false], 'boolean')).toBe('ARRAY[true, false]::boolean[]');
    expect(sqlArray([], 'uuid')).toBe('ARRAY[]::uuid[]');
  });
});
