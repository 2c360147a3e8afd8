import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The pg Pool under TypeORM's PostgreSQL driver: `driver.master`, created when the DataSource is
 * initialised. Not documented (typed `any`). Canary: test/integration/library-internals.int-spec.ts.
 */
export function typeormPgPool(dataSource: DataSource): pg.Pool {
  return (dataSource.driver as unknown as { master: pg.Pool }).master;
}
