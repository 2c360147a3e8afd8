import { DataSource } from 'typeorm';
import { pgPool } from '../src/platform/database/pg-pool.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The engine's hot statements are named or prepared and take a whole batch as arrays. After five
 * runs PostgreSQL may keep one generic plan per connection, made without the arguments: it assumes
 * every array holds 10 elements and picks joins for that, which under load (batches of 100–200)
 * made marking nodes running take ≈ 3 ms per node instead of < 1 ms.
 */
describe('Plans of prepared statements on the app’s connections', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ APP_ROLE: 'api', QUEUE_PREFIX: `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_plans` });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('are made for the batch they run with, however many small ones ran before', async () => {
    const client = await pgPool(t.app.get(DataSource)).connect();
    try {
      await client.query('PREPARE plan_probe (int[]) AS SELECT x FROM unnest($1) AS x');
      for (let i = 0; i < 8; i++) await client.query(`EXECUTE plan_probe('{1}')`);
      const batch = `{${Array.from({ length: 200 }, (_, i) => i).join(',')}}`;

      const plan = (await client.query(`EXPLAIN EXECUTE plan_probe('${batch}')`)).rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
      expect(plan).toContain('rows=200');
    } finally {
      await client.query('DEALLOCATE plan_probe');
      client.release();
    }
  });
});
