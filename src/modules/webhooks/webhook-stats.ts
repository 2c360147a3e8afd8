import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config.js';
import { REDIS_CLIENT } from '../../platform/redis/redis.module.js';

export interface WebhookStatsView {
  totalCalls: number;
  successfulCalls: number;
  lastCalledAt?: string;
  lastErrorAt?: string;
  lastError?: string;
}

declare module 'ioredis' {
  interface RedisCommander {
    flowhookWebhookCalled(key: string, calledAt: string): Promise<null>;
  }
}

/**
 * Per-webhook call counters in Redis: one auto-pipelined script call per request, no hot row in PostgreSQL
 * for 100 concurrent senders to fight over. Informational (analytics read the events table).
 */
@Injectable()
export class WebhookStats {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.prefix = `${config.queuePrefix}:webhook-stats:`;
    redis.defineCommand('flowhookWebhookCalled', {
      numberOfKeys: 1,
      lua: `redis.call('HINCRBY', KEYS[1], 'totalCalls', 1) redis.call('HSET', KEYS[1], 'lastCalledAt', ARGV[1])`,
    });
  }

  /** A call reached the webhook (accepted or not). */
  called(webhookId: string): void {
    void this.redis.flowhookWebhookCalled(this.prefix + webhookId, new Date().toISOString()).catch(() => undefined);
  }

  succeeded(webhookId: string): void {
    void this.redis.hincrby(this.prefix + webhookId, 'successfulCalls', 1).catch(() => undefined);
  }

  failed(webhookId: string, error: string): void {
    void this.redis.hset(this.prefix + webhookId, 'lastErrorAt', new Date().toISOString(), 'lastError', error.slice(0, 500)).catch(() => undefined);
  }

  async read(webhookIds: readonly string[]): Promise<Map<string, WebhookStatsView>> {
    const pipeline = this.redis.pipeline();
    for (const id of webhookIds) pipeline.hgetall(this.prefix + id);
    const results = (await pipeline.exec()) ?? [];
    return new Map(
      webhookIds.map((id, i) => {
        const raw = (results[i]?.[1] ?? {}) as Record<string, string>;
        const view: WebhookStatsView = { totalCalls: Number(raw.totalCalls ?? 0), successfulCalls: Number(raw.successfulCalls ?? 0) };
        if (raw.lastCalledAt) view.lastCalledAt = raw.lastCalledAt;
        if (raw.lastErrorAt) view.lastErrorAt = raw.lastErrorAt;
        if (raw.lastError) view.lastError = raw.lastError;
        return [id, view];
      }),
    );
  }
}
