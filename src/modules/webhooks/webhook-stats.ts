import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config.js';
import { PerTurnBuffer } from '../../platform/batching/per-turn-buffer.js';
import { REDIS_CLIENT } from '../../platform/redis/redis.module.js';

export interface WebhookStatsView {
  totalCalls: number;
  successfulCalls: number;
  lastCalledAt?: string;
  lastErrorAt?: string;
  lastError?: string;
}

interface PendingCounts {
  calls: number;
  successes: number;
  lastCalledAt?: string;
}

/**
 * Per-webhook call counters in Redis, no hot row in PostgreSQL for 100 concurrent senders to fight
 * over. Increments of one event-loop turn are summed and written together at its end (one HINCRBY per
 * webhook and counter, auto-pipelined), not one command per request. Informational: analytics read the
 * events table; a crash loses at most one turn's counts.
 */
@Injectable()
export class WebhookStats {
  private readonly prefix: string;
  private readonly pending = new PerTurnBuffer<string, PendingCounts>(
    () => ({ calls: 0, successes: 0 }),
    (pending) => this.flush(pending),
  );

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.prefix = `${config.queuePrefix}:webhook-stats:`;
  }

  /** A call reached the webhook (accepted or not). */
  called(webhookId: string): void {
    const counts = this.pending.entry(webhookId);
    counts.calls++;
    counts.lastCalledAt = new Date().toISOString();
  }

  succeeded(webhookId: string): void {
    this.pending.entry(webhookId).successes++;
  }

  failed(webhookId: string, error: string): void {
    void this.redis
      .hset(this.prefix + webhookId, 'lastErrorAt', new Date().toISOString(), 'lastError', error.slice(0, 500))
      .catch(() => undefined);
  }

  private flush(pending: ReadonlyMap<string, PendingCounts>): void {
    for (const [webhookId, counts] of pending) {
      const key = this.prefix + webhookId;
      if (counts.calls > 0) void this.redis.hincrby(key, 'totalCalls', counts.calls).catch(() => undefined);
      if (counts.successes > 0)
        void this.redis.hincrby(key, 'successfulCalls', counts.successes).catch(() => undefined);
      if (counts.lastCalledAt) void this.redis.hset(key, 'lastCalledAt', counts.lastCalledAt).catch(() => undefined);
    }
  }

  async read(webhookIds: readonly string[]): Promise<Map<string, WebhookStatsView>> {
    const pipeline = this.redis.pipeline();
    for (const id of webhookIds) pipeline.hgetall(this.prefix + id);
    const results = (await pipeline.exec()) ?? [];
    return new Map(
      webhookIds.map((id, i) => {
        const raw = (results[i]?.[1] ?? {}) as Record<string, string>;
        const view: WebhookStatsView = {
          totalCalls: Number(raw.totalCalls ?? 0),
          successfulCalls: Number(raw.successfulCalls ?? 0),
        };
        if (raw.lastCalledAt) view.lastCalledAt = raw.lastCalledAt;
        if (raw.lastErrorAt) view.lastErrorAt = raw.lastErrorAt;
        if (raw.lastError) view.lastError = raw.lastError;
        return [id, view];
      }),
    );
  }
}
