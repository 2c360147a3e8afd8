import { jest } from '@jest/globals';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../src/config/app-config.js';
import {
  CIRCUIT_FAILURE_THRESHOLD,
  CircuitBreaker,
} from '../../src/modules/webhook-actions/resilience/circuit-breaker.js';
import { requireTestEnv, TEST_ENV } from '../support/test-environment.js';

describe('CircuitBreaker state (real Redis)', () => {
  const prefix = `${requireTestEnv(TEST_ENV.queuePrefix)}_circuit`;
  const origin = 'https://api.example.com';
  let redis: Redis;
  let circuits: CircuitBreaker;
  let tenantId = '';
  let tenantCount = 0;

  beforeAll(() => {
    redis = new Redis(requireTestEnv(TEST_ENV.redisUrl));
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });
  beforeEach(() => {
    circuits = new CircuitBreaker(redis, { queuePrefix: prefix } as AppConfig);
    tenantId = `tenant-${++tenantCount}`;
  });
  afterEach(() => jest.restoreAllMocks());

  it('lists an origin after its first success; later successes on a clean circuit are not written again', async () => {
    const written = jest.spyOn(redis, 'flowhookCircuitRecord');
    for (let i = 0; i < 3; i++)
      await circuits.record(tenantId, origin, 'success', await circuits.check(tenantId, origin));

    expect(written).toHaveBeenCalledTimes(1);
    expect(await circuits.list(tenantId)).toEqual([
      { origin, state: 'closed', consecutiveFailures: 0, openUntil: null },
    ]);
  });

  it('opens at the threshold, and a success after a check that saw failures closes it again', async () => {
    await circuits.record(tenantId, origin, 'success', await circuits.check(tenantId, origin));
    for (let i = 0; i < CIRCUIT_FAILURE_THRESHOLD; i++)
      await circuits.record(tenantId, origin, 'failure', await circuits.check(tenantId, origin));
    const open = await circuits.check(tenantId, origin);
    expect(open.openForMs).toBeGreaterThan(0);
    expect((await circuits.list(tenantId))[0]).toMatchObject({
      state: 'open',
      consecutiveFailures: CIRCUIT_FAILURE_THRESHOLD,
    });

    await redis.hset(`${prefix}:circuit:${tenantId}:${origin}`, 'openUntil', Date.now() - 1);
    await circuits.record(tenantId, origin, 'success', await circuits.check(tenantId, origin));
    expect(await circuits.check(tenantId, origin)).toEqual({ openForMs: 0, consecutiveFailures: 0 });
  });

  it('writes a success when this process has not written the circuit yet (another worker counted failures)', async () => {
    const otherWorker = new CircuitBreaker(redis, { queuePrefix: prefix } as AppConfig);
    await otherWorker.record(tenantId, origin, 'failure');
    await circuits.record(tenantId, origin, 'success', { openForMs: 0, consecutiveFailures: 0 });
    expect((await circuits.list(tenantId))[0]).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
  });
});
