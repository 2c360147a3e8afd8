import { jest } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { NodeJobScheduler } from '../src/modules/executions/node-job.scheduler.js';
import { nodeJobId } from '../src/modules/executions/node-job.js';
import { UnprocessedEventSweeper } from '../src/modules/webhooks/ingress/unprocessed-event.sweeper.js';
import { MAX_STORED_JSON_DEPTH } from '../src/platform/database/postgres-text.js';
import { QueueNames } from '../src/platform/queue/queue-names.js';
import { bearer, randomIp, registerTenant, type RegisteredTenant } from './support/auth-helpers.js';
import { getExecution, nodeOf, waitForExecution } from './support/execution-helpers.js';
import { createOwnDatabase } from './support/own-database.js';
import { parsePrometheus, sum } from './support/prometheus.js';
import { hexSignature } from './support/signing.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

/** JSON text nested `levels` deep (`{"a":{"a":…1…}}`): 10,000 levels is ~60 KB, the body the issue was found with. */
function deepJson(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

const POISON_BODY = deepJson(10_000);
const TRUNCATED = {
  truncated: true,
  reason: `The stored value nests deeper than ${MAX_STORED_JSON_DEPTH} levels and is not served.`,
};
const SWEEP_INTERVAL_MS = 300;
const APP_SECRET = 'instagram-app-secret-for-poison-tests';

interface EventView {
  id: string;
  status: string;
  error: string | null;
  payload: unknown;
  workflowExecutionId: string | null;
}

/**
 * Records accepted before ingress bounded nesting (inserted straight into PostgreSQL, as an old
 * deployment holds them) must end, not loop: their jobs give up at once, they are recorded failed with
 * a readable error, counted and logged once, the sweepers leave them alone, and every endpoint serving
 * them answers 200. The spec has a database and queue prefix of its own: its sweepers run every 300 ms
 * and its metrics must count only its own jobs.
 */
describe('Poison events and jobs end cleanly', () => {
  let database: { url: string; drop(): Promise<void> };
  let t: TestApp;
  let owner: RegisteredTenant;
  let db: DataSource;
  let webhook: { id: string; authToken: string };
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    database = await createOwnDatabase('poison');
    t = await createTestApp({
      DATABASE_URL: database.url,
      QUEUE_PREFIX: `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_poison`,
      SWEEP_INTERVAL_MS: String(SWEEP_INTERVAL_MS),
    });
    db = t.app.get(DataSource);
    owner = await registerTenant(t, 'Poison');
    const workflow = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({
        name: 'Orders in',
        nodes: [
          { id: 'inbound', type: 'trigger.webhook', config: {} },
          { id: 'shape', type: 'transform', config: { set: { order: '{{ trigger.body.order }}' } } },
        ],
        edges: [{ source: 'inbound', target: 'shape' }],
      })
      .expect(201);
    await http()
      .post(`/api/workflows/${workflow.body.id}/publish`)
      .set(...bearer(owner))
      .expect(200);
    webhook = (
      await http()
        .post('/api/webhooks')
        .set(...bearer(owner))
        .send({ name: 'Orders', workflowId: workflow.body.id, nodeId: 'inbound', provider: 'generic' })
        .expect(201)
    ).body;
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const webhookQueue = () => t.app.get<Queue>(getQueueToken(QueueNames.webhookEvents));

  async function poisonCount(queue: string): Promise<number> {
    return sum(
      parsePrometheus((await http().get('/metrics').expect(200)).text),
      'flowhook_poison_jobs_total',
      `queue="${queue}"`,
    );
  }

  /** A webhook event as an old deployment accepted it; `age` back-dates it past the sweepers' threshold. */
  async function storedWebhookEvent(rawBody: string, age = '0 seconds'): Promise<string> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO webhook_events (id, tenant_id, webhook_id, provider, status, raw_body, content_type, headers, query, received_at)
       VALUES ($1, $2, $3, 'generic', 'received', $4, 'application/json', '{}', '{}', now() - $5::interval)`,
      [id, owner.tenantId, webhook.id, Buffer.from(rawBody), age],
    );
    return id;
  }

  async function eventView(eventId: string): Promise<EventView> {
    return (
      await http()
        .get(`/api/webhooks/${webhook.id}/events/${eventId}`)
        .set(...bearer(owner))
        .expect(200)
    ).body;
  }

  const waitForEvent = (eventId: string) =>
    waitFor(
      () => eventView(eventId),
      (event) => event.status !== 'received',
      20_000,
    );

  const givenUpLines = (jobId: string) =>
    t.logs.filter((line) => line.includes('job given up for good') && line.includes(jobId));

  it('a webhook event whose payload nests 10,000 deep fails at once with a readable error; its list and detail answer 200; the next event succeeds', async () => {
    const before = await poisonCount('webhook-events');
    const eventId = await storedWebhookEvent(POISON_BODY);
    await webhookQueue().add('process-event', { eventId, tenantId: owner.tenantId }, { jobId: eventId });

    const failed = await waitForEvent(eventId);
    expect(failed).toMatchObject({
      status: 'failed',
      error: 'The payload nests deeper than 64 levels.',
      payload: TRUNCATED,
      workflowExecutionId: null,
    });
    const job = await webhookQueue().getJob(eventId);
    expect(await job!.getState()).toBe('failed');
    expect(job!.attemptsMade).toBe(1);
    expect(job!.failedReason).toBe('The payload nests deeper than 64 levels.');

    const list = await http()
      .get(`/api/webhooks/${webhook.id}/events`)
      .set(...bearer(owner))
      .expect(200);
    expect(list.body.items.find((item: EventView) => item.id === eventId)).toMatchObject({
      status: 'failed',
      payload: TRUNCATED,
    });
    const failedOnly = await http()
      .get(`/api/webhooks/${webhook.id}/events?status=failed`)
      .set(...bearer(owner))
      .expect(200);
    expect(failedOnly.body.items.map((item: EventView) => item.id)).toContain(eventId);

    expect(await poisonCount('webhook-events')).toBe(before + 1);
    const lines = givenUpLines(eventId);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'warn',
      queue: 'webhook-events',
      jobId: eventId,
      tenantId: owner.tenantId,
      attempts: 1,
      permanent: true,
      errorCode: 'json_too_deep',
    });
    expect(lines[0]).not.toContain('{"a":');

    const accepted = await http()
      .post(`/webhooks/${webhook.id}`)
      .set('X-Webhook-Token', webhook.authToken)
      .set('X-Forwarded-For', randomIp())
      .send({ order: 7 })
      .expect(202);
    const processed = await waitForEvent(accepted.body.eventId);
    expect(processed).toMatchObject({ status: 'processed', error: null, payload: { order: 7 } });
    const execution = await waitForExecution(t, owner.accessToken, processed.workflowExecutionId!);
    expect(execution.status).toBe('succeeded');
    expect(nodeOf(execution, 'shape').output).toEqual({ order: 7 });
  });

  it('the sweeper queues a stored poison event once, and leaves it alone once it has failed (no re-queue over two sweep periods)', async () => {
    const sweeper = t.app.get(UnprocessedEventSweeper);
    const sweep = sweeper.sweep.bind(sweeper);
    let sweeps = 0;
    const sweepSpy = jest.spyOn(sweeper, 'sweep').mockImplementation(async (olderThanSeconds) => {
      const queued = await sweep(olderThanSeconds);
      sweeps++;
      return queued;
    });
    const addSpy = jest.spyOn(webhookQueue(), 'add');
    try {
      const before = await poisonCount('webhook-events');
      // Older than two lock durations, never queued: what the sweeper exists to pick up.
      const eventId = await storedWebhookEvent(POISON_BODY, '10 minutes');
      const failed = await waitForEvent(eventId);
      expect(failed).toMatchObject({ status: 'failed', error: 'The payload nests deeper than 64 levels.' });
      const queuesOf = () => addSpy.mock.calls.filter(([, , options]) => options?.jobId === eventId).length;
      expect(queuesOf()).toBe(1);

      const sweptBefore = sweeps;
      await waitFor(
        async () => sweeps,
        (count) => count >= sweptBefore + 2,
        10 * SWEEP_INTERVAL_MS,
      );
      expect(queuesOf()).toBe(1);
      expect((await eventView(eventId)).status).toBe('failed');
      expect(await poisonCount('webhook-events')).toBe(before + 1);
      expect(givenUpLines(eventId)).toHaveLength(1);
    } finally {
      sweepSpy.mockRestore();
      addSpy.mockRestore();
    }
  });

  it('an event whose job BullMQ already failed for good (its give-up was never recorded) is recorded failed by the sweeper, not queued again', async () => {
    const eventId = randomUUID();
    // A job that cannot even record its give-up (its event id is not a UUID): it fails in BullMQ and
    // its record stays `received`, as when the give-up's own write fails, or under an older version.
    await webhookQueue().add('process-event', { eventId: 'not-a-uuid', tenantId: owner.tenantId }, { jobId: eventId });
    await waitFor(
      async () => (await webhookQueue().getJob(eventId))?.getState(),
      (state) => state === 'failed',
    );
    const addSpy = jest.spyOn(webhookQueue(), 'add');
    try {
      await db.query(
        `INSERT INTO webhook_events (id, tenant_id, webhook_id, provider, status, raw_body, content_type, headers, query, received_at)
         VALUES ($1, $2, $3, 'generic', 'received', $4, 'application/json', '{}', '{}', now() - interval '10 minutes')`,
        [eventId, owner.tenantId, webhook.id, Buffer.from('{"order":1}')],
      );
      const failed = await waitForEvent(eventId);
      expect(failed).toMatchObject({
        status: 'failed',
        error: 'Processing failed 1 time and was given up; the last error is kept with the failed job in the queue.',
      });
      expect(addSpy.mock.calls.filter(([, , options]) => options?.jobId === eventId)).toHaveLength(0);
      expect((await webhookQueue().getJob(eventId))!.attemptsMade).toBe(1);
    } finally {
      addSpy.mockRestore();
    }
  });

  it('a channel event whose payload nests 10,000 deep fails at once; the next signed event on the channel is processed', async () => {
    const channel = (
      await http()
        .post('/api/channels')
        .set(...bearer(owner))
        .send({ provider: 'instagram', name: 'IG', credentials: { appSecret: APP_SECRET } })
        .expect(201)
    ).body;
    const workflow = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({
        name: 'DMs',
        nodes: [
          { id: 'dm', type: 'trigger.channel', config: { channelId: channel.id, event: 'message' } },
          { id: 'shape', type: 'transform', config: { set: { text: '{{ trigger.body.text }}' } } },
        ],
        edges: [{ source: 'dm', target: 'shape' }],
      })
      .expect(201);
    await http()
      .post(`/api/workflows/${workflow.body.id}/publish`)
      .set(...bearer(owner))
      .expect(200);
    const before = await poisonCount('channel-events');
    const [{ id: eventId }]: { id: string }[] = await db.query(
      `INSERT INTO channel_events (tenant_id, channel_id, event, status, raw_body, content_type, headers) VALUES ($1, $2, 'message', 'received', $3, 'application/json', '{}') RETURNING id`,
      [owner.tenantId, channel.id, Buffer.from(POISON_BODY)],
    );
    const channelQueue = t.app.get<Queue>(getQueueToken(QueueNames.channelEvents));
    await channelQueue.add('process-channel-event', { eventId, tenantId: owner.tenantId }, { jobId: eventId });

    const channelEvent = (id: string) =>
      db.query(`SELECT status, error, execution_ids AS "executionIds" FROM channel_events WHERE id = $1`, [
        id,
      ]) as Promise<{ status: string; error: string | null; executionIds: string[] }[]>;
    const [failed] = await waitFor(
      () => channelEvent(eventId),
      ([row]) => row.status !== 'received',
    );
    expect(failed).toEqual({ status: 'failed', error: 'The payload nests deeper than 64 levels.', executionIds: [] });
    expect((await channelQueue.getJob(eventId))!.attemptsMade).toBe(1);
    expect(await poisonCount('channel-events')).toBe(before + 1);
    expect(givenUpLines(eventId)).toHaveLength(1);

    const body = JSON.stringify({ text: 'hello' });
    const accepted = await http()
      .post(`/webhooks/${channel.id}/instagram/message`)
      .set('Content-Type', 'application/json')
      .set('X-Hub-Signature-256', hexSignature(APP_SECRET, body))
      .send(body)
      .expect(202);
    const [processed] = await waitFor(
      () => channelEvent(accepted.body.eventId),
      ([row]) => row.status !== 'received',
    );
    expect(processed).toMatchObject({ status: 'processed', error: null });
    const execution = await waitForExecution(t, owner.accessToken, processed.executionIds[0]);
    expect(execution.status).toBe('succeeded');
    expect(nodeOf(execution, 'shape').output).toEqual({ text: 'hello' });
  });

  it('a node job failing permanently (a stored trigger input 10,000 deep) fails on its first attempt; the execution and node endpoints answer 200', async () => {
    const workflow = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({
        name: 'Copies its input',
        nodes: [
          { id: 'start', type: 'trigger.manual', config: {} },
          { id: 'shape', type: 'transform', config: { set: { copy: '{{ trigger.body }}' } } },
        ],
        edges: [{ source: 'start', target: 'shape' }],
      })
      .expect(201);
    const workflowId = workflow.body.id as string;
    const executionId = randomUUID();
    // An execution as an old version stored it: its trigger input, and a node output, 10,000 deep.
    await db.query(
      `INSERT INTO executions (id, tenant_id, workflow_id, workflow_version, status, trigger_type, trigger_input) VALUES ($1, $2, $3, 1, 'queued', 'manual', $4::jsonb)`,
      [executionId, owner.tenantId, workflowId, `{"body":${POISON_BODY}}`],
    );
    await db.query(
      `INSERT INTO node_executions (tenant_id, execution_id, workflow_id, node_id, type, status, scheduled, scheduled_at, output)
       VALUES ($1, $2, $3, 'start', 'trigger.manual', 'pending', true, now(), NULL), ($1, $2, $3, 'shape', 'transform', 'pending', false, NULL, $4::jsonb)`,
      [owner.tenantId, executionId, workflowId, POISON_BODY],
    );
    await t.app
      .get(NodeJobScheduler)
      .schedule([
        { tenantId: owner.tenantId, executionId, nodeId: 'start', run: 0, retry: { maxAttempts: 3, backoffMs: 1000 } },
      ]);

    const execution = await waitForExecution(t, owner.accessToken, executionId);
    expect(execution).toMatchObject({
      status: 'failed',
      error: {
        class: 'output_too_deep',
        message: `The node output nests deeper than ${MAX_STORED_JSON_DEPTH} levels.`,
      },
    });
    expect(execution.trigger).toEqual({ type: 'manual', input: TRUNCATED });
    expect(nodeOf(execution, 'start')).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { class: 'output_too_deep' },
    });
    expect(nodeOf(execution, 'shape')).toMatchObject({ status: 'cancelled', output: TRUNCATED });
    // The node recorded its failure itself: its job completed, with no retry scheduled.
    const job = await t.app
      .get<Queue>(getQueueToken(QueueNames.nodes))
      .getJob(nodeJobId({ executionId, nodeId: 'start', run: 0 }));
    expect(await job!.getState()).toBe('completed');

    const executions = await http()
      .get(`/api/workflows/${workflowId}/executions`)
      .set(...bearer(owner))
      .expect(200);
    expect(executions.body.items).toEqual([
      expect.objectContaining({ id: executionId, status: 'failed', trigger: { type: 'manual', input: TRUNCATED } }),
    ]);
    const history = await http()
      .get(`/api/workflows/${workflowId}/nodes/shape/executions`)
      .set(...bearer(owner))
      .expect(200);
    expect(history.body.items).toEqual([
      expect.objectContaining({ executionId, status: 'cancelled', output: TRUNCATED }),
    ]);
    expect((await getExecution(t, owner.accessToken, executionId)).status).toBe('failed');
  });
});
