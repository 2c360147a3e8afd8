import pg from 'pg';
import request from 'supertest';
import { WebhookEventProcessor } from '../src/modules/webhooks/ingress/webhook-event.processor.js';
import { bearer, registerTenant, type RegisteredTenant } from './support/auth-helpers.js';
import { FINAL, getExecution, nodeOf } from './support/execution-helpers.js';
import { createOwnDatabase } from './support/own-database.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

/**
 * Shorter than the unqueued-node sweeper takes to queue a lost job again (two lock durations, a
 * minute by default): an execution that finishes within it was not rescued by the sweeper.
 */
const FINISHED_WITHIN_MS = 15_000;

/**
 * A process shut down (SIGTERM, `app.close()`) while a job is mid-way finishes that job with every
 * connection still open. Before, Nest closed the queues while a webhook event's job ran on: the job
 * stored its execution, failed to queue the first node ("Connection is closed"), and the execution
 * sat `running` until the sweeper queued the node a minute later. A concurrent spec's app closing
 * that way made test/hostile-templates.e2e-spec.ts time out in full runs.
 */
describe('Graceful shutdown', () => {
  const queuePrefix = `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_shutdown`;
  let database: { url: string; drop(): Promise<void> };
  let first: TestApp | undefined;
  let second: TestApp | undefined;
  let locker: pg.Client | undefined;

  beforeAll(async () => {
    // Its own database and queues: this spec locks a table and shuts its app down mid-job.
    database = await createOwnDatabase('shutdown');
  });
  afterAll(async () => {
    await locker?.end();
    await first?.close();
    await second?.close();
    await database?.drop();
  });

  it('finishes a webhook event job it holds, so its execution goes on without waiting for the sweeper', async () => {
    const env = { DATABASE_URL: database.url, QUEUE_PREFIX: queuePrefix };
    first = await createTestApp(env);
    const owner = await registerTenant(first, 'Shutdown');
    const hook = await publishedWebhook(first, owner);

    // The event's job is held where the execution is stored: no execution can be inserted meanwhile.
    locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE executions IN SHARE MODE');
    await request(first.app.getHttpServer())
      .post(`/webhooks/${hook.id}`)
      .set('X-Webhook-Token', hook.authToken)
      .send({ order: 1 })
      .expect(202);
    await waitFor(
      () => locker!.query(`SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'executions'::regclass`),
      (blocked) => blocked.rowCount! > 0,
    );

    // Shut down while the job is held, and let the job go on once the shutdown has reached its worker.
    const worker = first.app.get(WebhookEventProcessor).worker;
    const workerClosing = new Promise((resolve) => worker.once('closing', resolve));
    const closed = first.close();
    await workerClosing;
    await locker.query('COMMIT');
    await closed;
    first = undefined;

    second = await createTestApp(env);
    const listed = await waitFor(
      () =>
        request(second!.app.getHttpServer())
          .get(`/api/workflows/${hook.workflowId}/executions`)
          .set(...bearer(owner))
          .expect(200),
      (page) => page.body.items.length > 0,
    );
    const execution = await waitFor(
      () => getExecution(second!, owner.accessToken, listed.body.items[0].id as string),
      (view) => FINAL.includes(view.status),
      FINISHED_WITHIN_MS,
      200,
    );
    expect(execution.status).toBe('succeeded');
    expect(nodeOf(execution, 'shape').output).toEqual({ order: 1 });
  }, 60_000);

  async function publishedWebhook(
    t: TestApp,
    owner: RegisteredTenant,
  ): Promise<{ id: string; authToken: string; workflowId: string }> {
    const http = () => request(t.app.getHttpServer());
    const workflow = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({
        name: 'Orders',
        nodes: [
          { id: 'in', type: 'trigger.webhook', config: {} },
          { id: 'shape', type: 'transform', config: { set: { order: '{{ trigger.body.order }}' } } },
        ],
        edges: [{ source: 'in', target: 'shape' }],
      })
      .expect(201);
    await http()
      .post(`/api/workflows/${workflow.body.id}/publish`)
      .set(...bearer(owner))
      .expect(200);
    const webhook = await http()
      .post('/api/webhooks')
      .set(...bearer(owner))
      .send({ name: 'Orders', workflowId: workflow.body.id, nodeId: 'in', provider: 'generic' })
      .expect(201);
    return { id: webhook.body.id, authToken: webhook.body.authToken, workflowId: workflow.body.id };
  }
});
