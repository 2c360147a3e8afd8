import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../../config/app-config.js';
import { REDIS_CLIENT } from '../../../platform/redis/redis.module.js';
import { withTimeout } from '../../../platform/redis/with-timeout.js';

/**
 * Fixed one-second windows per (webhook, source IP) in Redis, so the limit holds across instances.
 * Fails open when Redis is down or slow (250 ms): ingress keeps storing events in PostgreSQL.
 */
@Injectable()
export class IngressRateLimiter {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    this.prefix = `${config.queuePrefix}:ingress-rate:`;
  }

  /** True when this request is within the limit; `alongside` commands ride in the same round trip. */
  async allow(webhookId: string, ip: string, alongside: [string, ...string[]][] = []): Promise<boolean> {
    const key = `${this.prefix}${webhookId}:${ip}:${Math.floor(Date.now() / 1000)}`;
    try {
      const multi = this.redis.multi().incr(key).expire(key, 2);
      for (const [command, ...args] of alongside) multi.call(command, ...args);
      const results = await withTimeout(multi.exec(), 250);
      return Number(results?.[0]?.[1] ?? 0) <= this.config.ingressRateLimitPerSecond;
    } catch {
      return true;
    }
  }
}
