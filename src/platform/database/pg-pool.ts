import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The pg Pool under TypeORM's DataSource, for hot paths (ingress) where a plain parameterised query
 * without TypeORM's query-runner bookkeeping matters. Same connections, same transactions semantics.
 */
export function pgPool(dataSource: DataSource): pg.Pool {
  return (dataSource.driver as unknown as { master: pg.Pool }).master;
}

/**
 * Runs `work` on one checked-out connection (a transaction spread over round trips). The connection
 * listens for errors while checked out: PostgreSQL shutting down reports on every connection, and an
 * unheard 'error' event would end the process. A connection that failed is destroyed, not reused.
 */
export async function withPgClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    return await work(client);
  } catch (error) {
    broken ??= await client.query('ROLLBACK').then(
      () => undefined,
      (rollbackError: Error) => rollbackError,
    );
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
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
