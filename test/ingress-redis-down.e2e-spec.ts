import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, randomIp, registerTenant } from './support/auth-helpers.js';
import { createOwnDatabase } from './support/own-database.js';
import { expectProblem } from './support/problem-assertions.js';
import { PrivateRedis } from './support/private-redis.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

describe('Ingress while Redis is down', () => {
  const redis = new PrivateRedis();
  let t: TestApp;
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    await redis.start();
    database = await createOwnDatabase('redis_down');
    t = await createTestApp({ REDIS_URL: redis.url, DATABASE_URL: database.url, WORKER_LOCK_DURATION_MS: '1000' });
  });
  afterAll(async () => {
    await redis.start();
    await t.close();
    await redis.stop();
    await database.drop();
  });

  it('keeps answering 202 (events committed in PostgreSQL), and processes every accepted event once Redis is back', async () => {
    const owner = await registerTenant(t, 'Redis down');
    const http = () => request(t.app.getHttpServer());
    const flow = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({
        name: 'Durable',
        nodes: [
          { id: 'in', type: 'trigger.webhook', config: {} },
          { id: 'next', type: 'transform', config: { set: { n: '{{ trigger.body.n }}' } } },
        ],
        edges: [{ source: 'in', target: 'next' }],
      })
      .expect(201);
    await http()
      .post(`/api/workflows/${flow.body.id}/publish`)
      .set(...bearer(owner))
      .expect(200);
    const hook = (
      await http()
        .post('/api/webhooks')
        .set(...bearer(owner))
        .send({ name: 'durable', workflowId: flow.body.id, nodeId: 'in', provider: 'generic' })
        .expect(201)
    ).body;
    const send = (n: number) =>
      http()
        .post(`/webhooks/${hook.id}`)
        .set('X-Forwarded-For', randomIp())
        .set('X-Webhook-Token', hook.authToken)
        .send({ n });

    const before = await Promise.all([1, 2, 3].map(send));
    expect(before.map((r) => r.status)).toEqual([202, 202, 202]);

    await redis.stop();
    const during = await Promise.all([4, 5, 6, 7, 8].map(send));
    expect(during.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    const health = await http().get('/health');
    expectProblem(health, 503, 'dependency_unavailable');
    expect(health.body.detail).toContain('redis');
    expect(health.headers['retry-after']).toBe('5');
    const accepted = [...before, ...during].map((r) => r.body.eventId as string);

    await redis.start();
    const db = t.app.get(DataSource);
    const rows = await waitFor(
      async () =>
        (await db.query(`SELECT id, status, workflow_execution_id FROM webhook_events WHERE webhook_id = $1`, [
          hook.id,
        ])) as { id: string; status: string; workflow_execution_id: string | null }[],
      (events) => events.length === accepted.length && events.every((event) => event.status === 'processed'),
      30000,
      100,
    );
    expect(rows.map((row) => row.id).sort()).toEqual([...accepted].sort());
    const executions = await waitFor(
      async () =>
        (await db.query(`SELECT status, count(*)::int AS n FROM executions WHERE workflow_id = $1 GROUP BY status`, [
          flow.body.id,
        ])) as { status: string; n: number }[],
      (groups) => groups.length === 1 && groups[0].status === 'succeeded' && groups[0].n === accepted.length,
      30000,
      100,
    );
    expect(executions).toEqual([{ status: 'succeeded', n: accepted.length }]);
    process.stdout.write(
      `redis-down fault test: ${accepted.length} events accepted (${during.length} while Redis was down), ${executions[0].n} executions succeeded, none lost or duplicated\n`,
    );
  }, 60000);
});
