import { Redis } from 'ioredis';
import pg from 'pg';

/** Drops the run's database and deletes its Redis keys (self-contained, like global-setup.ts). */
export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.FLOWHOOK_TEST_ADMIN_URL;
  const databaseName = process.env.FLOWHOOK_TEST_DATABASE_NAME;
  if (adminUrl && databaseName?.includes('test')) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  const prefix = process.env.FLOWHOOK_TEST_QUEUE_PREFIX;
  const redisUrl = process.env.FLOWHOOK_TEST_REDIS_URL;
  // Specs may derive prefixes of their own from the run's prefix (`<prefix>_engine`).
  if (prefix && redisUrl) await deleteKeys(redisUrl, `${prefix}*`);
}

async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
