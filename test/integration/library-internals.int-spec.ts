import { DataSource } from 'typeorm';
import { typeormPgPool } from '../../src/platform/internals/typeorm-pg-pool.js';
import { requireTestEnv, TEST_ENV } from '../support/test-environment.js';

/** Canary: the hot paths query the pg Pool under TypeORM's driver; if TypeORM moves or replaces it, this fails. */
describe('typeormPgPool (TypeORM internals)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    // One connection: whatever TypeORM and the pool run, they run on the same one.
    dataSource = await new DataSource({
      type: 'postgres',
      url: requireTestEnv(TEST_ENV.databaseUrl),
      extra: { max: 1 },
    }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('is the pool TypeORM runs its queries on', async () => {
    const pool = typeormPgPool(dataSource);
    const [{ pid: typeorms }]: { pid: number }[] = await dataSource.query('SELECT pg_backend_pid() AS pid');
    const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(rows[0].pid).toBe(typeorms);
    expect(pool.totalCount).toBe(1);
  });
});
