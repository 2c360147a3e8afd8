import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { Server } from 'node:http';
import { createHttpApp } from './app.factory.js';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigError } from './config/config-error.js';
import { loadConfig } from './config/load-config.js';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './platform/database/embedded-postgres-launcher.js';
import { runMigrations } from './platform/database/migration-runner.js';
import { createLogger } from './platform/observability/logger.js';
import { MetricsRegistry } from './platform/observability/metrics.registry.js';
import { PinoNestLogger } from './platform/observability/pino-nest-logger.js';
import { serveWorkerMetrics } from './platform/observability/worker-metrics-server.js';
import { QUEUE_DASHBOARD_PATH } from './platform/queue/queue-dashboard.js';
import { checkRedisReachable } from './platform/redis/check-redis-reachable.js';

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);

  let embedded: EmbeddedPostgresHandle | undefined;
  if (!config.databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, (line) => logger.warn(line));
    config = { ...config, databaseUrl: embedded.databaseUrl };
    logger.info({ dataDir: embedded.dataDir }, `Embedded PostgreSQL started; data in ${embedded.dataDir}`);
  }

  try {
    await checkRedisReachable(config.redisUrl);
  } catch {
    logger.fatal(
      `Redis is not reachable at REDIS_URL (${redactUrl(config.redisUrl)}). Start one (e.g. \`redis-server --daemonize yes\`) or set REDIS_URL.`,
    );
    await embedded?.stop();
    process.exit(1);
  }

  const applied = await runMigrations(config.databaseUrl!);
  if (applied.length > 0) logger.info({ migrations: applied }, `Applied ${applied.length} migration(s)`);

  let app: INestApplicationContext;
  let metricsServer: Server | undefined;
  if (config.appRole === 'worker') {
    app = await NestFactory.createApplicationContext(AppModule.register({ config, logger }), {
      logger: new PinoNestLogger(logger.child({ component: 'nest' })),
    });
    if (config.workerMetricsPort > 0) {
      try {
        metricsServer = await serveWorkerMetrics(
          app.get(MetricsRegistry),
          config.workerMetricsPort,
          config.host,
          logger,
        );
      } catch (error) {
        logger.fatal(
          `Cannot serve worker metrics on WORKER_METRICS_PORT ${config.workerMetricsPort} (${(error as NodeJS.ErrnoException).code ?? 'error'}): another worker on this host? Give each its own port, or 0 for none.`,
        );
        await app.close();
        await embedded?.stop();
        process.exit(1);
      }
    }
    logger.info(
      `Flowhook worker started (APP_ROLE=worker), metrics ${metricsServer ? `on port ${config.workerMetricsPort}` : 'off'}, data in ${config.dataDir}`,
    );
  } else {
    const http = await createHttpApp(config, logger);
    await http.listen(config.port, config.host);
    app = http;
    logger.info(`Flowhook API listening on ${config.publicBaseUrl} (APP_ROLE=${config.appRole})`);
    if (config.swaggerEnabled)
      logger.info(`Swagger UI at ${config.publicBaseUrl}/docs, OpenAPI JSON at ${config.publicBaseUrl}/docs-json`);
    if (config.queueDashboard)
      logger.info(
        `Queue dashboard at ${config.publicBaseUrl}${QUEUE_DASHBOARD_PATH} (user ${config.queueDashboard.user}; password from QUEUE_DASHBOARD_PASSWORD or ${config.dataDir}/secrets.json)`,
      );
    logger.info(`Data in ${config.dataDir}`);
  }

  const shutdown = async (signal: string) => {
    logger.info(`${signal} received, shutting down`);
    metricsServer?.close();
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

void bootstrap();
