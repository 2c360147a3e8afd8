import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../../config/app-config.js';
import { REDIS_CLIENT } from '../../../platform/redis/redis.module.js';

export const DEFAULT_OUTBOUND_RATE_PER_SECOND = 20;

declare module 'ioredis' {
  interface RedisCommander {
    flowhookOutboundCount(key: string): Promise<number>;
  }
}

/**
 * Calls per second per (tenant, target origin), counted in Redis across workers. Over the limit the
 * caller is told how long to wait (the node job is delayed, not failed).
 */
@Injectable()
export class OutboundRateLimiter {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.prefix = `${config.queuePrefix}:outbound-rate:`;
    redis.defineCommand('flowhookOutboundCount', {
      numberOfKeys: 1,
      lua: `local count = redis.call('INCR', KEYS[1]) if count == 1 then redis.call('EXPIRE', KEYS[1], 2) end return count`,
    });
  }

  /** 0 when the call may go now, else milliseconds to wait. */
  async delayFor(tenantId: string, origin: string, perSecond: number, now = Date.now()): Promise<number> {
    const second = Math.floor(now / 1000);
    const key = `${this.prefix}${tenantId}:${origin}:${second}`;
    const count = await this.redis.flowhookOutboundCount(key);
    if (count <= perSecond) return 0;
    // Spread the overflow over the following seconds instead of stampeding the next one.
    const secondsAhead = Math.ceil((count - perSecond) / perSecond);
    return (second + secondsAhead) * 1000 - now + Math.floor(Math.random() * 50);
  }
}
