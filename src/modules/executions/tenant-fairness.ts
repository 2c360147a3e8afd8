import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config.js';
import { REDIS_CLIENT } from '../../platform/redis/redis.module.js';

declare module 'ioredis' {
  interface RedisCommander {
    flowhookFairnessReserve(key: string, tenantId: string, count: number): Promise<number>;
  }
}

/** BullMQ's lowest priority. */
const MAX_PRIORITY = 2_097_152;

/**
 * Per-tenant fairness on one shared queue (BullMQ OSS has no groups). Every node job gets a BullMQ
 * priority equal to 1 + the number of its tenant's node jobs already queued or running, counted in
 * Redis across all processes. A tenant that floods the queue pushes only its own later jobs back: a
 * quiet tenant's job (priority ≈ 1) is taken before the flood's backlog, which interleaves tenants
 * roughly round-robin. Counters are decremented when a job settles; drift after a crash only shifts
 * priorities, never correctness, and the key expires when a tenant goes idle.
 */
@Injectable()
export class TenantFairness {
  private readonly key: string;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.key = `${config.queuePrefix}:fairness`;
    redis.defineCommand('flowhookFairnessReserve', {
      numberOfKeys: 1,
      lua: `local after = redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2]) redis.call('PEXPIRE', KEYS[1], 3600000) return after`,
    });
  }

  /** Reserves `count` slots for the tenant; returns the priority of each. */
  async reserve(tenantId: string, count: number): Promise<number[]> {
    const after = await this.redis.flowhookFairnessReserve(this.key, tenantId, count);
    return Array.from({ length: count }, (_, i) => Math.min(MAX_PRIORITY, Math.max(1, after - count + i + 1)));
  }

  /** Best effort, never throws: a release lost while Redis is down only shifts priorities. */
  release(tenantId: string): void {
    this.redis
      .hincrby(this.key, tenantId, -1)
      .then((left) => (left < 0 ? this.redis.hset(this.key, tenantId, 0) : undefined))
      .catch(() => undefined);
  }
}
