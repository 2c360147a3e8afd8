import pg from 'pg';
import { requireTestEnv, TEST_ENV } from './test-environment.js';

/**
 * A database of the spec's own, for specs whose sweepers run on short lock durations: a sweeper scans
 * every tenant's rows, and must not pick up (and run with its own config) another spec's work.
 */
export async function createOwnDatabase(suffix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${requireTestEnv(TEST_ENV.databaseName)}_${suffix}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(requireTestEnv(TEST_ENV.adminUrl));
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: requireTestEnv(TEST_ENV.adminUrl) });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
