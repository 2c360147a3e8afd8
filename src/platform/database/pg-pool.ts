import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { typeormPgPool } from '../internals/typeorm-pg-pool.js';

/**
 * The pg Pool under TypeORM's DataSource, for hot paths (ingress) where a plain parameterised query
 * without TypeORM's query-runner bookkeeping matters. Same connections, same transactions semantics.
 */
export function pgPool(dataSource: DataSource): pg.Pool {
  return typeormPgPool(dataSource);
}

/**
 * Runs `work` on one checked-out connection (a transaction spread over round trips), rolled back if
 * `work` fails. A connection PostgreSQL dropped is heard by `guardPoolClients` and discarded by the
 * pool on release.
 */
export async function withPgClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let rollbackError: Error | undefined;
  try {
    return await work(client);
  } catch (error) {
    rollbackError = await client.query('ROLLBACK').then(
      () => undefined,
      (failure: Error) => failure,
    );
    throw error;
  } finally {
    client.release(rollbackError);
  }
}

const GUARDED = Symbol('flowhook.pgClientGuarded');

/**
 * Every connection of the pool hears its own errors from its first checkout on. A checked-out
 * connection without a listener (TypeORM adds none) ends the process when PostgreSQL terminates it
 * between two queries (shutdown, restart); heard, the error only breaks that connection, which the
 * pool then drops.
 */
export function guardPoolClients(pool: pg.Pool, onError: (error: Error) => void): void {
  pool.on('acquire', (client) => {
    const guarded = client as pg.PoolClient & { [GUARDED]?: true };
    if (guarded[GUARDED]) return;
    guarded[GUARDED] = true;
    client.on('error', onError);
  });
}
