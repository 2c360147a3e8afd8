import { jest } from '@jest/globals';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../src/config/app-config.js';
import { TenantFairness } from '../../src/modules/executions/tenant-fairness.js';
import { requireTestEnv, TEST_ENV } from '../support/test-environment.js';
import { waitFor } from '../support/wait-for.js';

describe('TenantFairness counters (real Redis)', () => {
  const prefix = `${requireTestEnv(TEST_ENV.queuePrefix)}_fairness`;
  const key = `${prefix}:fairness`;
  let redis: Redis;
  let fairness: TenantFairness;

  beforeAll(() => {
    redis = new Redis(requireTestEnv(TEST_ENV.redisUrl));
    fairness = new TenantFairness(redis, { queuePrefix: prefix } as AppConfig);
  });
  afterAll(async () => {
    await redis.del(key);
    redis.disconnect();
  });
  beforeEach(() => redis.del(key));

  it('gives each reserved job the priority after the tenant’s jobs already counted', async () => {
    expect(await fairness.reserve('tenant-a', 3)).toEqual([1, 2, 3]);
    expect(await fairness.reserve('tenant-a', 2)).toEqual([4, 5]);
    expect(await fairness.reserve('tenant-b', 1)).toEqual([1]);
  });

  it('sends the releases of one turn, of several tenants, in one round trip', async () => {
    await fairness.reserve('tenant-a', 5);
    await fairness.reserve('tenant-b', 2);
    const sent = jest.spyOn(redis, 'flowhookFairnessRelease');
    for (let i = 0; i < 3; i++) fairness.release('tenant-a');
    fairness.release('tenant-b');

    await waitFor(
      () => redis.hgetall(key),
      (counts) => counts['tenant-b'] === '1',
    );
    expect(await redis.hgetall(key)).toEqual({ 'tenant-a': '2', 'tenant-b': '1' });
    expect(sent).toHaveBeenCalledTimes(1);
    sent.mockRestore();
  });

  it('never counts below zero (releases after a crash reset the key)', async () => {
    await fairness.reserve('tenant-a', 1);
    for (let i = 0; i < 4; i++) fairness.release('tenant-a');
    await waitFor(
      () => redis.hget(key, 'tenant-a'),
      (count) => count === '0',
    );
    expect(await fairness.reserve('tenant-a', 1)).toEqual([1]);
  });
});
