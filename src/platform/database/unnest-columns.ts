/**
 * The parameters of a multi-row statement written as `unnest($1::uuid[], $2::text[], …)`: one array
 * per column, each holding that column's value of every row, in row order.
 */
export function unnestColumns<T>(rows: readonly T[], ...columns: ((row: T) => unknown)[]): unknown[][] {
  return columns.map((pick) => rows.map(pick));
}
