import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../../config/app-config.js';
import { REDIS_CLIENT } from '../../../platform/redis/redis.module.js';
import { withTimeout } from '../../../platform/redis/with-timeout.js';

declare module 'ioredis' {
  interface RedisCommander {
    flowhookCountInWindow(key: string, increment: number): Promise<number>;
  }
}

/** Requests of one event-loop turn for one window key, counted with one command. */
interface PendingWindow {
  increment: number;
  answers: ((count: number | undefined) => void)[];
}

/**
 * Fixed one-second windows per (webhook, source IP) in Redis, so the limit holds across instances.
 * Requests of one event-loop turn that share a window are counted with one INCRBY: the i-th of n gets
 * count - n + i, exactly as if each had counted alone. Fails open when Redis is down or slow (250 ms):
 * ingress keeps storing events in PostgreSQL.
 */
@Injectable()
export class IngressRateLimiter {
  private readonly prefix: string;
  private pending = new Map<string, PendingWindow>();

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
    const count = await withTimeout(this.count(key), 250).catch(() => undefined);
    return count === undefined || count <= this.config.ingressRateLimitPerSecond;
  }

  private count(key: string): Promise<number | undefined> {
    if (this.pending.size === 0) setImmediate(() => this.flush());
    let window = this.pending.get(key);
    if (!window) {
      window = { increment: 0, answers: [] };
      this.pending.set(key, window);
    }
    window.increment++;
    return new Promise((resolve) => window.answers.push(resolve));
  }

  private flush(): void {
    const pending = this.pending;
    this.pending = new Map();
    for (const [key, { increment, answers }] of pending) {
      this.redis.flowhookCountInWindow(key, increment).then(
        (total) => answers.forEach((answer, i) => answer(total - increment + i + 1)),
        () => answers.forEach((answer) => answer(undefined)),
      );
    }
  }
}
