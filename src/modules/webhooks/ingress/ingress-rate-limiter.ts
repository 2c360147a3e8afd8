import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../../config/app-config.js';
import { REDIS_CLIENT } from '../../../platform/redis/redis.module.js';
import { withTimeout } from '../../../platform/redis/with-timeout.js';

/**
 * Fixed one-second windows per (webhook, source IP) in Redis, so the limit holds across instances.
 * Fails open when Redis is down or slow (250 ms): ingress keeps storing events in PostgreSQL.
 */
declare module 'ioredis' {
  interface RedisCommander {
    flowhookCountInWindow(key: string): Promise<number>;
  }
}

@Injectable()
export class IngressRateLimiter {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    this.prefix = `${config.queuePrefix}:ingress-rate:`;
    redis.defineCommand('flowhookCountInWindow', {
      numberOfKeys: 1,
      lua: `local count = redis.call('INCR', KEYS[1]) if count == 1 then redis.call('EXPIRE', KEYS[1], 2) end return count`,
    });
  }

  /** True when this request is within the limit; one auto-pipelined script call (count, and expiry on the first). */
  async allow(webhookId: string, ip: string): Promise<boolean> {
    const key = `${this.prefix}${webhookId}:${ip}:${Math.floor(Date.now() / 1000)}`;
    try {
      return (await withTimeout(this.redis.flowhookCountInWindow(key), 250)) <= this.config.ingressRateLimitPerSecond;
    } catch {
      return true;
    }
  }
}
