import type { ChildProcess } from 'node:child_process';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, registerTenant } from './support/auth-helpers.js';
import { createOwnDatabase } from './support/own-database.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';
import { startWorkerProcess, stopProcess } from './support/worker-process.js';

const EXECUTIONS = 40;
const CHAIN = 6;

describe('Crash safety: a worker killed with SIGKILL mid-execution', () => {
  const queuePrefix = `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_crash`;
  let workerEnv: Record<string, string>;
  let database: { url: string; drop(): Promise<void> };
  let t: TestApp;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createOwnDatabase('crash');
    workerEnv = {
      QUEUE_PREFIX: queuePrefix,
      DATABASE_URL: database.url,
      WORKER_LOCK_DURATION_MS: '1500',
      WORKER_CONCURRENCY: '8',
    };
    t = await createTestApp({ APP_ROLE: 'api', QUEUE_PREFIX: queuePrefix, DATABASE_URL: database.url });
  });
  afterAll(async () => {
    for (const child of children) await stopProcess(child, 'SIGKILL');
    await t.close();
    await database.drop();
  });

  it('loses nothing and runs no succeeded node twice', async () => {
    const owner = await registerTenant(t, 'Crash');
    const nodes = [
      { id: 'start', type: 'trigger.manual', config: {} },
      ...Array.from({ length: CHAIN }, (_, i) => ({
        id: `step${i}`,
        type: 'transform',
        config: { set: { step: i, input: '{{ trigger.body.n }}' } },
      })),
    ];
    const edges = nodes.slice(1).map((node, i) => ({ source: nodes[i].id, target: node.id }));
    const workflow = await request(t.app.getHttpServer())
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({ name: 'Chain', nodes, edges })
      .expect(201);
    const executionIds: string[] = [];
    for (let n = 0; n < EXECUTIONS; n++) {
      const started = await request(t.app.getHttpServer())
        .post(`/api/workflows/${workflow.body.id}/execute`)
        .set(...bearer(owner))
        .send({ input: { n } })
        .expect(202);
      executionIds.push(started.body.executionId);
    }
    const db = t.app.get(DataSource);
    const succeededNodes = async () =>
      Number(
        (
          await db.query(`SELECT count(*) FROM node_executions WHERE tenant_id = $1 AND status = 'succeeded'`, [
            owner.tenantId,
          ])
        )[0].count,
      );
    const total = EXECUTIONS * (CHAIN + 1);

    const first = startWorkerProcess(workerEnv);
    children.push(first);
    const before = await waitFor(succeededNodes, (count) => count >= total * 0.25, 30000, 5);
    await stopProcess(first, 'SIGKILL');
    const atKill = await succeededNodes();
    expect(atKill).toBeLessThan(total);

    children.push(startWorkerProcess(workerEnv));
    await waitFor(
      async () =>
        (await db.query(`SELECT status, count(*)::int AS n FROM executions WHERE tenant_id = $1 GROUP BY status`, [
          owner.tenantId,
        ])) as { status: string; n: number }[],
      (rows) => rows.length === 1 && rows[0].status === 'succeeded' && rows[0].n === EXECUTIONS,
      60000,
      100,
    );

    expect(await succeededNodes()).toBe(total);
    const successesPerNode: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM event_store
        WHERE tenant_id = $1 AND type = 'node.succeeded' AND aggregate_id = ANY($2)
        GROUP BY aggregate_id, payload->>'nodeId'`,
      [owner.tenantId, executionIds],
    );
    expect(successesPerNode).toHaveLength(total);
    expect(successesPerNode.every((row) => row.n === 1)).toBe(true);
    const rerun: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM node_executions WHERE tenant_id = $1 AND attempts > 1`,
      [owner.tenantId],
    );
    process.stdout.write(
      `crash test: ${total} node runs, ${before} succeeded before the kill (${atKill} at kill), ${rerun[0].n} interrupted node(s) re-run, every node succeeded exactly once\n`,
    );
  }, 120000);
});
