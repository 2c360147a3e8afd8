import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Once per Jest run: a fresh PostgreSQL database whose name contains `test` and a Redis key prefix of
 * its own, handed to the specs through FLOWHOOK_TEST_* variables (see test-environment.ts; Jest loads
 * this file outside the ESM module graph, so it imports nothing local). Specs migrate it with the real
 * migrations when they build the app. TEST_DATABASE_ADMIN_URL / TEST_REDIS_URL override the defaults.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseName = `flowhook_test_${runId}`;

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${databaseName}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${databaseName}`;

  process.env.FLOWHOOK_TEST_ADMIN_URL = adminUrl;
  process.env.FLOWHOOK_TEST_DATABASE_NAME = databaseName;
  process.env.FLOWHOOK_TEST_DATABASE_URL = databaseUrl.toString();
  process.env.FLOWHOOK_TEST_QUEUE_PREFIX = `flowhook_test_${runId}`;
  process.env.FLOWHOOK_TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}
