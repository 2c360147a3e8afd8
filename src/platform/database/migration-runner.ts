import pg from 'pg';
import { DataSource } from 'typeorm';
import { databaseOptions } from './database-options.js';

/** Arbitrary but fixed: every Flowhook process takes this advisory lock to migrate one at a time. */
const MIGRATION_LOCK_ID = 7_240_331;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so api and worker processes
 * starting together never race each other. Returns the names of the migrations applied.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const dataSource = new DataSource(databaseOptions(url, 2));
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await lock.end();
  }
}

/** Reverts the most recent `count` migrations (tests and operators' rollbacks). */
export async function revertMigrations(url: string, count: number): Promise<void> {
  const dataSource = new DataSource(databaseOptions(url, 2));
  await dataSource.initialize();
  try {
    for (let i = 0; i < count; i++) await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
