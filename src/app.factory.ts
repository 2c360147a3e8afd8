import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { parseFormBody, parseJsonBody } from './platform/http/body-parsers.js';
import { createClientErrorHandler } from './platform/http/client-error.handler.js';
import { configureFastify } from './platform/http/configure-fastify.js';
import { createFrameworkErrorHandler } from './platform/http/framework-errors.js';
import { MAX_PATH_PARAM_LENGTH } from './platform/http/http-limits.js';
import { requestIdFrom } from './platform/http/request-id.js';
import { setupSwagger } from './platform/http/swagger.js';
import { UnstorableTextInterceptor } from './platform/http/unstorable-text.interceptor.js';
import { createValidationPipe } from './platform/http/validation.pipe.js';
import { instrumentHttp } from './platform/observability/http-metrics.js';
import { MetricsRegistry } from './platform/observability/metrics.registry.js';
import { PinoNestLogger } from './platform/observability/pino-nest-logger.js';
import { mountQueueDashboard } from './platform/queue/queue-dashboard.js';

/** Builds the HTTP application exactly as production runs it; tests use it too. */
export async function createHttpApp(config: AppConfig, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: requestIdFrom,
    trustProxy: config.trustProxy,
    logger: false,
    routerOptions: { maxParamLength: MAX_PATH_PARAM_LENGTH },
    // Refusals before any hook runs (router, Node's HTTP parser) get problem details too.
    frameworkErrors: createFrameworkErrorHandler(logger),
    clientErrorHandler: createClientErrorHandler(logger),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register({ config, logger }), adapter, {
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
    rawBody: true,
    bufferLogs: false,
  });
  // Replace Nest's default parsers (registered at init for types nobody registered): the JSON nesting
  // limit and accurate prototype-key refusals apply to every route.
  app.useBodyParser('application/json', { bodyLimit: config.bodyLimitBytes }, parseJsonBody);
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit: config.bodyLimitBytes }, parseFormBody);
  const fastify = app.getHttpAdapter().getInstance();
  configureFastify(fastify, logger);
  instrumentHttp(fastify, app.get(MetricsRegistry));
  app.useGlobalInterceptors(new UnstorableTextInterceptor());
  app.useGlobalPipes(createValidationPipe());
  if (config.swaggerEnabled) await setupSwagger(app, config.publicBaseUrl);
  if (config.queueDashboard) await mountQueueDashboard(app, fastify, config.queueDashboard);
  await app.init();
  await fastify.ready();
  return app;
}
