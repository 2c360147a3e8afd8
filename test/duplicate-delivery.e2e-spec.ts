import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RunNodeCommand } from '../src/modules/executions/commands/run-node.command.js';
import { bearer, registerTenant } from './support/auth-helpers.js';
import { HttpReceiver } from './support/http-receiver.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * A job whose worker lost its lock (a stall on a saturated machine) is delivered again while the first
 * copy still runs. Both copies may call out (at-least-once), but the node succeeds once.
 */
describe('A node job delivered twice at once', () => {
  const receiver = new HttpReceiver();
  let t: TestApp;

  beforeAll(async () => {
    await receiver.start();
    // No workers, and a queue prefix of its own: this spec runs the node jobs by hand.
    t = await createTestApp({ APP_ROLE: 'api', QUEUE_PREFIX: `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_dup`, OUTBOUND_ALLOWED_HOSTS: `127.0.0.1:${receiver.port}` });
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  it('records one success: the stale copy is fenced off by the attempt number', async () => {
    const owner = await registerTenant(t, 'Duplicate delivery');
    const workflow = await request(t.app.getHttpServer())
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({
        name: 'Slow call',
        nodes: [
          { id: 'start', type: 'trigger.manual', config: {} },
          { id: 'call', type: 'action.http', config: { method: 'POST', url: `${receiver.url}/slow`, body: { n: 1 } } },
        ],
        edges: [{ source: 'start', target: 'call' }],
      })
      .expect(201);
    const started = await request(t.app.getHttpServer()).post(`/api/workflows/${workflow.body.id}/execute`).set(...bearer(owner)).send({ input: {} }).expect(202);
    const job = { tenantId: owner.tenantId, executionId: started.body.executionId as string, run: 0 };
    const commands = t.app.get(CommandBus);
    await commands.execute(new RunNodeCommand({ ...job, nodeId: 'start' }, 1, 1));

    receiver.responseDelayMs = 300;
    const first = commands.execute(new RunNodeCommand({ ...job, nodeId: 'call' }, 1, 3));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = commands.execute(new RunNodeCommand({ ...job, nodeId: 'call' }, 2, 3));
    await Promise.all([first, second]);

    expect(receiver.requests.filter((r) => r.url === '/slow')).toHaveLength(2);
    const db = t.app.get(DataSource);
    const [node] = await db.query(`SELECT status, attempts FROM node_executions WHERE execution_id = $1 AND node_id = 'call'`, [job.executionId]);
    expect(node).toEqual({ status: 'succeeded', attempts: 2 });
    const events: { type: string }[] = await db.query(
      `SELECT type FROM event_store WHERE aggregate_id = $1 AND type IN ('node.succeeded', 'execution.succeeded') AND (payload->>'nodeId' IS NULL OR payload->>'nodeId' = 'call')`,
      [job.executionId],
    );
    expect(events.map((event) => event.type).sort()).toEqual(['execution.succeeded', 'node.succeeded']);
  });
});
