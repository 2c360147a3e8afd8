import pg from 'pg';
import { migrations } from '../../migrations/index.js';
import { revertMigrations, runMigrations } from '../../src/platform/database/migration-runner.js';
import { requireTestEnv, TEST_ENV } from '../support/test-environment.js';

describe('Migrations', () => {
  const adminUrl = () => requireTestEnv(TEST_ENV.adminUrl);
  const database = `${requireTestEnv(TEST_ENV.databaseName)}_migrations`;
  let url: string;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    const parsed = new URL(adminUrl());
    parsed.pathname = `/${database}`;
    url = parsed.toString();
  });
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it('go up, all the way down and up again', async () => {
    expect(await runMigrations(url)).toHaveLength(migrations.length);
    const tablesUp = await tables(url);
    expect(tablesUp).toContain('event_store');

    await revertMigrations(url, migrations.length);
    expect((await tables(url)).filter((table) => table !== 'migrations')).toEqual([]);

    expect(await runMigrations(url)).toHaveLength(migrations.length);
    expect(await tables(url)).toEqual(tablesUp);
    expect(await runMigrations(url)).toEqual([]);
  });

  async function admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
});

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    return result.rows.map((row) => row.table_name);
  } finally {
    await client.end();
  }
}
