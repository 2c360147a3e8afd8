import request from 'supertest';
import { DataSource } from 'typeorm';
import { pgPool } from '../src/platform/database/pg-pool.js';
import { bearer, registerTenant } from './support/auth-helpers.js';
import { waitForExecution } from './support/execution-helpers.js';
import { HttpReceiver } from './support/http-receiver.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

interface PreparedStatement {
  name: string;
  parameterTypes: string[];
}

/**
 * After five runs PostgreSQL runs a named (prepared) statement on one generic plan per connection,
 * made without the arguments. For a statement taking a batch as arrays that plan assumes 10 elements
 * per array: marking a batch of 100 nodes running took ≈ 300 ms on one, ≈ 20 ms when planned for the
 * batch. So batches are sent unnamed (planned for each batch). Forcing custom plans on every
 * connection instead made PostgreSQL plan every statement and foreign-key check on every run: about a
 * third of its time.
 */
describe('Plans of the engine’s statements on the app’s connections', () => {
  let t: TestApp;
  const receiver = new HttpReceiver();

  beforeAll(async () => {
    await receiver.start();
    t = await createTestApp({
      DATABASE_POOL_SIZE: '3',
      OUTBOUND_ALLOWED_HOSTS: `127.0.0.1:${receiver.port}`,
      QUEUE_PREFIX: `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_plans`,
    });
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  async function preparedStatementsOfEveryConnection(): Promise<PreparedStatement[]> {
    const pool = pgPool(t.app.get(DataSource));
    const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
    try {
      const perClient = await Promise.all(
        clients.map(
          async (client) =>
            (
              await client.query<PreparedStatement>(
                `SELECT name, parameter_types::text[] AS "parameterTypes" FROM pg_prepared_statements`,
              )
            ).rows,
        ),
      );
      return perClient.flat();
    } finally {
      for (const client of clients) client.release();
    }
  }

  it('no statement taking arrays is named, and connections keep PostgreSQL’s plan cache mode', async () => {
    const owner = await registerTenant(t, 'Plans');
    const http = () => request(t.app.getHttpServer());
    // Started both ways, so the ingress, event-processing and engine statements all run.
    const workflow = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({
        name: 'Plans',
        nodes: [
          { id: 'start', type: 'trigger.manual', config: {} },
          { id: 'in', type: 'trigger.webhook', config: {} },
          { id: 'shape', type: 'transform', config: { set: { n: '{{ trigger.body.n }}' } } },
          {
            id: 'call',
            type: 'action.http',
            config: { method: 'POST', url: `${receiver.url}/plans`, body: { n: '{{ nodes.shape.output.n }}' } },
          },
        ],
        edges: [
          { source: 'start', target: 'shape' },
          { source: 'in', target: 'shape' },
          { source: 'shape', target: 'call' },
        ],
      })
      .expect(201);
    await http()
      .post(`/api/workflows/${workflow.body.id}/publish`)
      .set(...bearer(owner))
      .expect(200);
    const webhook = (
      await http()
        .post('/api/webhooks')
        .set(...bearer(owner))
        .send({ name: 'Plans', workflowId: workflow.body.id, nodeId: 'in', provider: 'generic' })
        .expect(201)
    ).body;
    for (let n = 0; n < 15; n++) {
      const started = await http()
        .post(`/api/workflows/${workflow.body.id}/execute`)
        .set(...bearer(owner))
        .send({ input: { n } })
        .expect(202);
      expect((await waitForExecution(t, owner.accessToken, started.body.executionId)).status).toBe('succeeded');
      await http().post(`/webhooks/${webhook.id}`).set('X-Webhook-Token', webhook.authToken).send({ n }).expect(202);
      await waitFor(
        async () => receiver.requests.length,
        (calls) => calls === 2 * (n + 1),
      );
    }

    const statements = await preparedStatementsOfEveryConnection();
    expect(statements.filter((statement) => statement.parameterTypes.some((type) => type.endsWith('[]')))).toEqual([]);
    const [{ plan_cache_mode: mode }] = await t.app.get(DataSource).query(`SHOW plan_cache_mode`);
    expect(mode).toBe('auto');
  });
});
