import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, registerTenant, type RegisteredTenant } from './support/auth-helpers.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

describe('Per-tenant fairness', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      QUEUE_PREFIX: `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_fair`,
      WORKER_CONCURRENCY: '4',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  async function chainWorkflow(tenant: RegisteredTenant): Promise<string> {
    const nodes = [
      { id: 'start', type: 'trigger.manual', config: {} },
      ...[0, 1, 2].map((i) => ({ id: `s${i}`, type: 'transform', config: { set: { i } } })),
    ];
    const edges = nodes.slice(1).map((node, i) => ({ source: nodes[i].id, target: node.id }));
    return (
      await request(t.app.getHttpServer())
        .post('/api/workflows')
        .set(...bearer(tenant))
        .send({ name: 'Chain', nodes, edges })
        .expect(201)
    ).body.id;
  }

  it("a tenant flooding the queue does not starve another tenant's executions", async () => {
    const flooder = await registerTenant(t, 'Flooder');
    const quiet = await registerTenant(t, 'Quiet');
    const floodFlow = await chainWorkflow(flooder);
    const quietFlow = await chainWorkflow(quiet);
    const http = () => request(t.app.getHttpServer());

    await Promise.all(
      Array.from({ length: 200 }, () =>
        http()
          .post(`/api/workflows/${floodFlow}/execute`)
          .set(...bearer(flooder))
          .send({})
          .expect(202),
      ),
    );
    await Promise.all(
      Array.from({ length: 5 }, () =>
        http()
          .post(`/api/workflows/${quietFlow}/execute`)
          .set(...bearer(quiet))
          .send({})
          .expect(202),
      ),
    );

    const db = t.app.get(DataSource);
    const lastFinished = async (tenantId: string) =>
      (
        await db.query(
          `SELECT count(*) FILTER (WHERE status = 'succeeded')::int AS done, max(finished_at) AS last FROM executions WHERE tenant_id = $1`,
          [tenantId],
        )
      )[0] as {
        done: number;
        last: Date | null;
      };
    const quietDone = await waitFor(
      () => lastFinished(quiet.tenantId),
      (row) => row.done === 5,
      60000,
      20,
    );
    const floodAtThatMoment = await lastFinished(flooder.tenantId);
    expect(floodAtThatMoment.done).toBeLessThan(200);
    const floodDone = await waitFor(
      () => lastFinished(flooder.tenantId),
      (row) => row.done === 200,
      60000,
      50,
    );
    expect(quietDone.last!.getTime()).toBeLessThan(floodDone.last!.getTime());
    process.stdout.write(
      `fairness: quiet tenant finished 5/5 while the flooding tenant had ${floodAtThatMoment.done}/200 done\n`,
    );
  }, 120000);
});
