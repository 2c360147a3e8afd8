import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config.js';
import { ROOT_LOGGER, type RootLogger } from '../observability/logger.module.js';

/** Shared ioredis client for everything that is not a queue (rate limits, circuits, health). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [AppConfig, ROOT_LOGGER],
      useFactory: (config: AppConfig, logger: RootLogger) => {
        // Auto-pipelining: the commands of every request in one event-loop turn go out in one write.
        const client = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
        // Without a listener ioredis prints every failed reconnection to stderr; it reconnects on its own.
        client.on('error', (error: Error) => logger.warn({ err: error, component: 'redis' }, 'Redis connection error'));
        return client;
      },
    },
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
