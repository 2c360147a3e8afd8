import { getQueueToken } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RunNodeCommand } from '../../src/modules/executions/commands/run-node.command.js';
import { nodeJobId } from '../../src/modules/executions/node-job.js';
import { NodeJobScheduler } from '../../src/modules/executions/node-job.scheduler.js';
import { UnqueuedNodeSweeper } from '../../src/modules/executions/unqueued-node.sweeper.js';
import { WorkflowVersionReader } from '../../src/modules/workflows/workflow-version.reader.js';
import { ROOT_LOGGER } from '../../src/platform/observability/logger.module.js';
import { PoisonJobs } from '../../src/platform/queue/poison-jobs.js';
import { QueueNames } from '../../src/platform/queue/queue-names.js';
import { bearer, registerTenant } from '../support/auth-helpers.js';
import { HttpReceiver } from '../support/http-receiver.js';
import { createOwnDatabase } from '../support/own-database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';
import { manualTransformGraph } from '../support/workflow-fixtures.js';

describe('Node jobs delivered twice or lost', () => {
  const receiver = new HttpReceiver();
  let database: { url: string; drop(): Promise<void> };
  let t: TestApp;

  beforeAll(async () => {
    await receiver.start();
    // No workers, a queue prefix and a database of its own: this spec runs node jobs and sweeps by hand.
    database = await createOwnDatabase('recovery');
    t = await createTestApp({
      APP_ROLE: 'api',
      DATABASE_URL: database.url,
      QUEUE_PREFIX: `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_recovery`,
      OUTBOUND_ALLOWED_HOSTS: `127.0.0.1:${receiver.port}`,
    });
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
    await database?.drop();
  });

  /** An execution of start → call (action.http POST to the receiver at `path`) whose trigger has run: `call` is next. */
  async function callReadyToRun(tenantName: string, path: string) {
    const owner = await registerTenant(t, tenantName);
    const workflow = await request(t.app.getHttpServer())
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({
        name: `Call ${path}`,
        nodes: [
          { id: 'start', type: 'trigger.manual', config: {} },
          {
            id: 'call',
            type: 'action.http',
            config: { method: 'POST', url: `${receiver.url}${path}`, body: { n: 1 } },
          },
        ],
        edges: [{ source: 'start', target: 'call' }],
      })
      .expect(201);
    const started = await request(t.app.getHttpServer())
      .post(`/api/workflows/${workflow.body.id}/execute`)
      .set(...bearer(owner))
      .send({ input: {} })
      .expect(202);
    const job = { tenantId: owner.tenantId, executionId: started.body.executionId as string, run: 0 };
    await t.app.get(CommandBus).execute(new RunNodeCommand({ ...job, nodeId: 'start' }, 1, 1));
    return job;
  }

  // A job whose worker lost its lock (a stall on a saturated machine) is delivered again while the
  // first copy still runs. Both copies may call out (at-least-once), but the node succeeds once.
  it('records one success when a job runs twice at once: the stale copy is fenced off by the attempt number', async () => {
    const job = await callReadyToRun('Duplicate delivery', '/slow');
    const commands = t.app.get(CommandBus);
    const calls = async () => receiver.requests.filter((r) => r.url === '/slow').length;

    // The target answers neither call until both copies are in flight.
    const release = receiver.hold();
    try {
      const first = commands.execute(new RunNodeCommand({ ...job, nodeId: 'call' }, 1, 3));
      await waitFor(calls, (count) => count === 1);
      const second = commands.execute(new RunNodeCommand({ ...job, nodeId: 'call' }, 2, 3));
      await waitFor(calls, (count) => count === 2);
      release();
      await Promise.all([first, second]);
    } finally {
      release();
    }

    expect(await calls()).toBe(2);
    const db = t.app.get(DataSource);
    const [node] = await db.query(
      `SELECT status, attempts FROM node_executions WHERE execution_id = $1 AND node_id = 'call'`,
      [job.executionId],
    );
    expect(node).toEqual({ status: 'succeeded', attempts: 2 });
    const events: { type: string }[] = await db.query(
      `SELECT type FROM event_store WHERE aggregate_id = $1 AND type IN ('node.succeeded', 'execution.succeeded') AND (payload->>'nodeId' IS NULL OR payload->>'nodeId' = 'call')`,
      [job.executionId],
    );
    expect(events.map((event) => event.type).sort()).toEqual(['execution.succeeded', 'node.succeeded']);
  });

  it('two copies of a job starting in the same instant run the node once (they are marked running together)', async () => {
    const job = await callReadyToRun('Simultaneous delivery', '/simultaneous');
    const commands = t.app.get(CommandBus);

    await Promise.all([
      commands.execute(new RunNodeCommand({ ...job, nodeId: 'call' }, 1, 3)),
      commands.execute(new RunNodeCommand({ ...job, nodeId: 'call' }, 1, 3)),
    ]);

    expect(receiver.requests.filter((r) => r.url === '/simultaneous')).toHaveLength(1);
    const [node] = await t.app
      .get(DataSource)
      .query(`SELECT status, attempts FROM node_executions WHERE execution_id = $1 AND node_id = 'call'`, [
        job.executionId,
      ]);
    expect(node).toEqual({ status: 'succeeded', attempts: 1 });
  });

  it('queues again a node left running whose job is gone (it gave up while PostgreSQL was down, or Redis lost it)', async () => {
    const owner = await registerTenant(t, 'Lost job');
    const workflow = await request(t.app.getHttpServer())
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({ name: 'Lost', ...manualTransformGraph() })
      .expect(201);
    const started = await request(t.app.getHttpServer())
      .post(`/api/workflows/${workflow.body.id}/execute`)
      .set(...bearer(owner))
      .send({ input: {} })
      .expect(202);
    const executionId = started.body.executionId as string;
    const db = t.app.get(DataSource);
    await db.query(
      `UPDATE node_executions SET status = 'running', attempts = 1, scheduled_at = now() - interval '1 hour' WHERE execution_id = $1 AND node_id = 'start'`,
      [executionId],
    );
    const queue = t.app.get<Queue>(getQueueToken(QueueNames.nodes));
    const sweeper = new UnqueuedNodeSweeper(
      db,
      queue,
      t.app.get(NodeJobScheduler),
      t.app.get(WorkflowVersionReader),
      t.app.get(ROOT_LOGGER),
      t.config,
      t.app.get(CommandBus),
      t.app.get(PoisonJobs),
    );
    const jobId = nodeJobId({ executionId, nodeId: 'start', run: 0 });

    expect(await queue.getJob(jobId)).toBeDefined();
    await sweeper.sweep();
    expect(
      await db.query(`SELECT status FROM node_executions WHERE execution_id = $1 AND node_id = 'start'`, [executionId]),
    ).toEqual([{ status: 'running' }]);

    await (await queue.getJob(jobId))!.remove();
    await sweeper.sweep();
    expect(await queue.getJob(jobId)).toBeDefined();
  });
});
