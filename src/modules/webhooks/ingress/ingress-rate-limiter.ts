import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../../config/app-config.js';
import { MicroBatcher } from '../../../platform/batching/micro-batcher.js';
import { REDIS_CLIENT } from '../../../platform/redis/redis.module.js';
import { withTimeout } from '../../../platform/redis/with-timeout.js';

declare module 'ioredis' {
  interface RedisCommander {
    flowhookCountInWindow(key: string, increment: number): Promise<number>;
  }
}

/**
 * Fixed one-second windows per (webhook, source IP) in Redis, so the limit holds across instances.
 * Requests counted together (MicroBatcher) that share a window are counted with one INCRBY: the i-th
 * of n gets count - n + i, exactly as if each had counted alone. Fails open when Redis is down or slow
 * (250 ms): ingress keeps storing events in PostgreSQL.
 */
@Injectable()
export class IngressRateLimiter {
  private readonly prefix: string;
  private readonly windows = new MicroBatcher<string, number | undefined>((keys) => this.countWindows(keys), {
    maxBatchSize: 1000,
    maxInFlight: 16,
    maxPending: 10_000,
  });

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    this.prefix = `${config.queuePrefix}:ingress-rate:`;
    redis.defineCommand('flowhookCountInWindow', {
      numberOfKeys: 1,
      lua: `local count = redis.call('INCRBY', KEYS[1], ARGV[1]) if count == tonumber(ARGV[1]) then redis.call('EXPIRE', KEYS[1], 2) end return count`,
    });
  }

  /** True when this request is within the limit. */
  async allow(webhookId: string, ip: string): Promise<boolean> {
    const key = `${this.prefix}${webhookId}:${ip}:${Math.floor(Date.now() / 1000)}`;
    const count = await withTimeout(this.windows.submit(key), 250).catch(() => undefined);
    return count === undefined || count <= this.config.ingressRateLimitPerSecond;
  }

  /** Each key's position in its window; undefined where Redis did not answer. */
  private async countWindows(keys: string[]): Promise<(number | undefined)[]> {
    const increments = new Map<string, number>();
    const positions = keys.map((key) => {
      const position = (increments.get(key) ?? 0) + 1;
      increments.set(key, position);
      return position;
    });
    const totals = new Map(
      await Promise.all(
        [...increments].map(
          async ([key, increment]) =>
            [key, await this.redis.flowhookCountInWindow(key, increment).catch(() => undefined)] as const,
        ),
      ),
    );
    return keys.map((key, i) => {
      const total = totals.get(key);
      return total === undefined ? undefined : total - increments.get(key)! + positions[i];
    });
  }
}
