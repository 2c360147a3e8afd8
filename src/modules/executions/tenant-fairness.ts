import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config.js';
import { PerTurnBuffer } from '../../platform/batching/per-turn-buffer.js';
import { REDIS_CLIENT } from '../../platform/redis/redis.module.js';

declare module 'ioredis' {
  interface RedisCommander {
    flowhookFairnessReserve(key: string, tenantId: string, count: number): Promise<number>;
    flowhookFairnessRelease(key: string, ...tenantsAndCounts: (string | number)[]): Promise<null>;
  }
}

/** Decrements each tenant's counter by its count (ARGV: tenant, count, tenant, count …), never below 0. */
const RELEASE = `
for i = 1, #ARGV, 2 do
  if redis.call('HINCRBY', KEYS[1], ARGV[i], -tonumber(ARGV[i + 1])) < 0 then redis.call('HSET', KEYS[1], ARGV[i], 0) end
end
return nil`;

/** BullMQ's lowest priority. */
const MAX_PRIORITY = 2_097_152;

/**
 * Per-tenant fairness on one shared queue (BullMQ OSS has no groups). Every node job gets a BullMQ
 * priority equal to 1 + the number of its tenant's node jobs already queued or running, counted in
 * Redis across all processes. A tenant that floods the queue pushes only its own later jobs back: a
 * quiet tenant's job (priority ≈ 1) is taken before the flood's backlog, which interleaves tenants
 * roughly round-robin. Counters are decremented when a job settles (the releases of one event-loop
 * turn in one round trip); drift after a crash only shifts priorities, never correctness, and the key
 * expires when a tenant goes idle.
 */
@Injectable()
export class TenantFairness {
  private readonly key: string;
  /** Releases not yet sent, by tenant. */
  private readonly releases = new PerTurnBuffer<string, { count: number }>(
    () => ({ count: 0 }),
    (releases) => this.sendReleases(releases),
  );

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.key = `${config.queuePrefix}:fairness`;
    redis.defineCommand('flowhookFairnessReserve', {
      numberOfKeys: 1,
      lua: `local after = redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2]) redis.call('PEXPIRE', KEYS[1], 3600000) return after`,
    });
    redis.defineCommand('flowhookFairnessRelease', { numberOfKeys: 1, lua: RELEASE });
  }

  /** Reserves `count` slots for the tenant; returns the priority of each. */
  async reserve(tenantId: string, count: number): Promise<number[]> {
    const after = await this.redis.flowhookFairnessReserve(this.key, tenantId, count);
    return Array.from({ length: count }, (_, i) => Math.min(MAX_PRIORITY, Math.max(1, after - count + i + 1)));
  }

  /** Best effort, never throws: a release lost while Redis is down only shifts priorities. */
  release(tenantId: string): void {
    this.releases.entry(tenantId).count++;
  }

  private sendReleases(releases: ReadonlyMap<string, { count: number }>): void {
    const tenantsAndCounts = [...releases].flatMap(([tenantId, { count }]) => [tenantId, count]);
    this.redis.flowhookFairnessRelease(this.key, ...tenantsAndCounts).catch(() => undefined);
  }
}
