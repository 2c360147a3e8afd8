import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Writable } from 'node:stream';
import { createHttpApp } from '../../src/app.factory.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { runMigrations } from '../../src/platform/database/migration-runner.js';
import { createLogger } from '../../src/platform/observability/logger.js';
import { requireTestEnv, TEST_ENV } from './test-environment.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** Every log line the app wrote, for "no secret in logs" assertions. */
  logs: string[];
  close(): Promise<void>;
}

const TEST_SECRETS = {
  JWT_SECRET: 'test-jwt-secret-that-is-long-enough-for-hs256-0123456789',
  ENCRYPTION_KEY: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
};

/** The real app (all roles) against the run's test database and Redis prefix, logs captured in memory. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'debug',
    DATABASE_URL: requireTestEnv(TEST_ENV.databaseUrl),
    REDIS_URL: requireTestEnv(TEST_ENV.redisUrl),
    QUEUE_PREFIX: requireTestEnv(TEST_ENV.queuePrefix),
    PUBLIC_BASE_URL: 'http://127.0.0.1:3999',
    // Specs give each simulated client its own X-Forwarded-For, so per-IP limits do not couple specs.
    TRUST_PROXY: 'true',
    ...TEST_SECRETS,
    ...env,
  });
  // Idempotent and serialised by an advisory lock: the first spec to get here migrates the run's database.
  await runMigrations(config.databaseUrl!);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const app = await createHttpApp(config, createLogger(config.logLevel, sink));
  return { app, config, logs, close: () => app.close() };
}
