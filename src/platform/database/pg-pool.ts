import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The pg Pool under TypeORM's DataSource, for hot paths (ingress) where a plain parameterised query
 * without TypeORM's query-runner bookkeeping matters. Same connections, same transactions semantics.
 */
export function pgPool(dataSource: DataSource): pg.Pool {
  return (dataSource.driver as unknown as { master: pg.Pool }).master;
}
