import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../../config/app-config.js';
import { LruCache } from '../../../platform/caching/lru-cache.js';
import { REDIS_CLIENT } from '../../../platform/redis/redis.module.js';

export const CIRCUIT_FAILURE_THRESHOLD = 5;
export const CIRCUIT_COOLDOWN_MS = 30_000;

/** How often a healthy origin's entry in the circuit listing (kept 24 h) is refreshed. */
const LISTING_REFRESH_MS = 10 * 60_000;

export type CircuitState = 'closed' | 'open' | 'half_open';

/** The circuit as a call found it before going out. */
export interface CircuitCheck {
  /** Milliseconds the circuit stays open, or 0 when a call may go through (closed or half-open). */
  openForMs: number;
  consecutiveFailures: number;
}

export interface CircuitView {
  origin: string;
  state: CircuitState;
  consecutiveFailures: number;
  openUntil: string | null;
}

/** Records one outcome atomically: success closes; a failure counts and (re)opens at the threshold. */
const RECORD = `
local failures = tonumber(redis.call('HGET', KEYS[1], 'failures') or '0')
if ARGV[1] == 'success' then
  redis.call('HSET', KEYS[1], 'failures', 0, 'openUntil', 0)
else
  failures = failures + 1
  redis.call('HSET', KEYS[1], 'failures', failures)
  if failures >= tonumber(ARGV[2]) then redis.call('HSET', KEYS[1], 'openUntil', tonumber(ARGV[3])) end
end
redis.call('SADD', KEYS[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], 86400000)
redis.call('PEXPIRE', KEYS[2], 86400000)
return failures`;

declare module 'ioredis' {
  interface RedisCommander {
    flowhookCircuitRecord(
      stateKey: string,
      originsKey: string,
      outcome: string,
      threshold: number,
      openUntil: number,
      origin: string,
    ): Promise<number>;
  }
}

/**
 * Circuit breaker per (tenant, target origin) with its state in Redis, shared by every worker: opens
 * after 5 consecutive failures, lets calls through again (half-open) after 30 s, closes on a success.
 */
@Injectable()
export class CircuitBreaker {
  private readonly prefix: string;
  /** When this process last wrote each circuit (key → ms). */
  private readonly written = new LruCache<string, number>(10_000);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.prefix = `${config.queuePrefix}:circuit:`;
    redis.defineCommand('flowhookCircuitRecord', { numberOfKeys: 2, lua: RECORD });
  }

  async check(tenantId: string, origin: string, now = Date.now()): Promise<CircuitCheck> {
    const [failures, openUntil] = await this.redis.hmget(this.key(tenantId, origin), 'failures', 'openUntil');
    return { openForMs: Math.max(0, Number(openUntil ?? 0) - now), consecutiveFailures: Number(failures ?? 0) };
  }

  /**
   * `checked`: the circuit as check() found it before the call. A success after a check that saw no
   * failures would change nothing but the listing's expiry, so it is written only every
   * LISTING_REFRESH_MS (one Redis round trip less per healthy call). A failure another worker records
   * between that check and this success is then not reset by it: with concurrent calls to one origin
   * there is no single order of outcomes anyway, and the next success resets it.
   */
  async record(
    tenantId: string,
    origin: string,
    outcome: 'success' | 'failure',
    checked?: CircuitCheck,
    now = Date.now(),
  ): Promise<void> {
    const key = this.key(tenantId, origin);
    const writtenAt = this.written.get(key);
    if (
      outcome === 'success' &&
      checked?.consecutiveFailures === 0 &&
      writtenAt !== undefined &&
      now - writtenAt < LISTING_REFRESH_MS
    )
      return;
    await this.redis.flowhookCircuitRecord(
      key,
      this.originsKey(tenantId),
      outcome,
      CIRCUIT_FAILURE_THRESHOLD,
      now + CIRCUIT_COOLDOWN_MS,
      origin,
    );
    this.written.set(key, now);
  }

  async list(tenantId: string, now = Date.now()): Promise<CircuitView[]> {
    const origins = (await this.redis.smembers(this.originsKey(tenantId))).sort();
    const pipeline = this.redis.pipeline();
    for (const origin of origins) pipeline.hgetall(this.key(tenantId, origin));
    const rows = (await pipeline.exec()) ?? [];
    return origins.map((origin, i) => {
      const raw = (rows[i]?.[1] ?? {}) as Record<string, string>;
      const failures = Number(raw.failures ?? 0);
      const openUntil = Number(raw.openUntil ?? 0);
      const state: CircuitState =
        failures < CIRCUIT_FAILURE_THRESHOLD ? 'closed' : openUntil > now ? 'open' : 'half_open';
      return {
        origin,
        state,
        consecutiveFailures: failures,
        openUntil: openUntil > now ? new Date(openUntil).toISOString() : null,
      };
    });
  }

  private key(tenantId: string, origin: string): string {
    return `${this.prefix}${tenantId}:${origin}`;
  }

  private originsKey(tenantId: string): string {
    return `${this.prefix}${tenantId}:origins`;
  }
}
