/**
 * How the persistence layer builds SQL: pure functions return statements, run by the stores. A
 * statement that takes a batch takes it as one array per column (`unnest($1::uuid[], …)`). Statements
 * that share a round trip in the simple query protocol (BEGIN … COMMIT of a group commit) take no
 * parameters: they carry their values as literals (see sqlLiteral) and are built as plain text.
 */
export interface SqlStatement {
  readonly text: string;
  readonly values: unknown[];
}

/** Several statements sent in one round trip (simple query protocol): their results come back in order. */
export function oneRoundTrip(statements: readonly string[]): string {
  return statements.join(';\n');
}
