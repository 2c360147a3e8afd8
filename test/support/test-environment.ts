/** Variables global-setup.ts sets in the parent process for the specs (Jest workers) to read. */
export const TEST_ENV = {
  databaseUrl: 'FLOWHOOK_TEST_DATABASE_URL',
  databaseName: 'FLOWHOOK_TEST_DATABASE_NAME',
  adminUrl: 'FLOWHOOK_TEST_ADMIN_URL',
  queuePrefix: 'FLOWHOOK_TEST_QUEUE_PREFIX',
  redisUrl: 'FLOWHOOK_TEST_REDIS_URL',
} as const;

export function requireTestEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run integration and e2e specs through Jest (its global setup creates the test database)`,
    );
  return value;
}
