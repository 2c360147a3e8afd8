import { jest } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { nodeJobId } from '../src/modules/executions/node-job.js';
import { ProcessWebhookEventCommand } from '../src/modules/webhooks/commands/process-webhook-event.command.js';
import { WebhookEventStore } from '../src/modules/webhooks/ingress/webhook-event.store.js';
import { BatcherSaturatedError } from '../src/platform/batching/micro-batcher.js';
import { QueueNames } from '../src/platform/queue/queue-names.js';
import { bearer, randomIp, registerTenant, type RegisteredTenant } from './support/auth-helpers.js';
import { getExecution, nodeOf, waitForExecution } from './support/execution-helpers.js';
import { expectProblem } from './support/problem-assertions.js';
import { fixture, hexSignature } from './support/signing.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

const META_SECRET = 'meta-app-secret-for-tests';

interface EventView {
  status: string;
  error: string | null;
  headers: Record<string, string>;
  providerEventId: string | null;
  workflowExecutionId: string;
  [key: string]: unknown;
}

describe('Inbound webhooks', () => {
  let t: TestApp;
  let owner: RegisteredTenant;
  let workflowId: string;

  const http = () => request(t.app.getHttpServer());

  async function createWebhook(body: Record<string, unknown>): Promise<{ id: string; authToken: string; url: string }> {
    const response = await http()
      .post('/api/webhooks')
      .set(...bearer(owner))
      .send({ name: 'Inbound', workflowId, nodeId: 'inbound', ...body });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function eventsOf(executionId: string): Promise<string[]> {
    const rows: { type: string; nodeId: string | null }[] = await t.app
      .get(DataSource)
      .query(
        `SELECT type, payload->>'nodeId' AS "nodeId" FROM event_store WHERE aggregate_id = $1 ORDER BY sequence_number`,
        [executionId],
      );
    return rows.map(({ type, nodeId }) => (nodeId ? `${type} ${nodeId}` : type));
  }

  async function waitForEvent(webhookId: string, eventId: string): Promise<EventView> {
    return waitFor(
      async () =>
        (
          await http()
            .get(`/api/webhooks/${webhookId}/events/${eventId}`)
            .set(...bearer(owner))
            .expect(200)
        ).body,
      (event: EventView) => event.status !== 'received',
    );
  }

  beforeAll(async () => {
    t = await createTestApp({ INGRESS_RATE_LIMIT: '20' });
    owner = await registerTenant(t, 'Inbound');
    const created = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({
        name: 'Inbound flow',
        nodes: [
          { id: 'inbound', type: 'trigger.webhook', config: {} },
          {
            id: 'shape',
            type: 'transform',
            config: { set: { customer: '{{ contact.externalId }}', source: '{{ contact.source }}' } },
          },
        ],
        edges: [{ source: 'inbound', target: 'shape' }],
      })
      .expect(201);
    workflowId = created.body.id;
    await http()
      .post(`/api/workflows/${workflowId}/publish`)
      .set(...bearer(owner))
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['whatsapp', 'whatsapp-message.json', '16505551234'],
    ['instagram', 'instagram-message.json', '1234567890123456'],
  ])(
    '%s: a signed fixture becomes a succeeded execution with the right trigger input and contact',
    async (provider, file, customer) => {
      const webhook = await createWebhook({ provider, secretKey: META_SECRET });
      const body = fixture(file);
      const response = await http()
        .post(`/webhooks/${webhook.id}`)
        .set('Content-Type', 'application/json')
        .set('X-Webhook-Token', webhook.authToken)
        .set('X-Hub-Signature-256', hexSignature(META_SECRET, body))
        .send(body.toString());
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ status: 'accepted', eventId: expect.any(String) });

      const event = await waitForEvent(webhook.id, response.body.eventId);
      expect(event).toMatchObject({ status: 'processed', provider, error: null, processingTime: expect.any(Number) });
      expect(event.headers['x-hub-signature-256']).toBeUndefined();
      expect(event.headers['x-webhook-token']).toBeUndefined();
      const execution = await waitForExecution(t, owner.accessToken, event.workflowExecutionId);
      expect(execution.status).toBe('succeeded');
      expect(execution.trigger).toMatchObject({
        type: 'webhook',
        input: { body: JSON.parse(body.toString()), query: {} },
      });
      expect(nodeOf(execution, 'shape').output).toEqual({ customer, source: provider });
      const contacts = await http()
        .get(`/api/contacts?search=${customer}`)
        .set(...bearer(owner))
        .expect(200);
      expect(contacts.body.items).toEqual([expect.objectContaining({ source: provider, externalId: customer })]);
    },
  );

  it("the trigger node runs in the event's job: recorded with the execution, its successors queued at once", async () => {
    const webhook = await createWebhook({ provider: 'generic' });
    const response = await http()
      .post(`/webhooks/${webhook.id}`)
      .set('X-Webhook-Token', webhook.authToken)
      .send({ order: 42 })
      .expect(202);
    const event = await waitForEvent(webhook.id, response.body.eventId);
    const execution = await waitForExecution(t, owner.accessToken, event.workflowExecutionId);

    expect(execution.status).toBe('succeeded');
    expect(nodeOf(execution, 'inbound')).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      output: (execution.trigger as { input: unknown }).input,
    });
    const queue = t.app.get<Queue>(getQueueToken(QueueNames.nodes));
    expect(await queue.getJob(nodeJobId({ executionId: execution.id, nodeId: 'inbound', run: 0 }))).toBeUndefined();
    expect(await queue.getJob(nodeJobId({ executionId: execution.id, nodeId: 'shape', run: 0 }))).toBeDefined();
    expect(await eventsOf(execution.id)).toEqual([
      'execution.started',
      'workflow.node.triggered inbound',
      'node.succeeded inbound',
      'workflow.node.triggered shape',
      'node.succeeded shape',
      'execution.succeeded',
    ]);
  });

  it('a trigger input over the 1 MiB output limit fails its trigger node with output_too_large', async () => {
    const webhook = await createWebhook({ provider: 'generic' });
    // The body fits the 1 MiB body limit; with the headers and query around it, the trigger input does not.
    const body = JSON.stringify({ blob: 'x'.repeat(1_048_576 - 100) });
    const response = await http()
      .post(`/webhooks/${webhook.id}`)
      .set('X-Webhook-Token', webhook.authToken)
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(202);
    const event = await waitForEvent(webhook.id, response.body.eventId);

    const execution = await waitForExecution(t, owner.accessToken, event.workflowExecutionId);
    expect(execution.status).toBe('failed');
    expect(nodeOf(execution, 'inbound')).toMatchObject({ status: 'failed', error: { class: 'output_too_large' } });
    expect(nodeOf(execution, 'shape').status).toBe('cancelled');
  });

  it('a workflow of a webhook trigger alone succeeds as its event is processed', async () => {
    const alone = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({ name: 'Trigger alone', nodes: [{ id: 'inbound', type: 'trigger.webhook', config: {} }], edges: [] })
      .expect(201);
    await http()
      .post(`/api/workflows/${alone.body.id}/publish`)
      .set(...bearer(owner))
      .expect(200);
    const webhook = (
      await http()
        .post('/api/webhooks')
        .set(...bearer(owner))
        .send({ name: 'Alone', workflowId: alone.body.id, nodeId: 'inbound', provider: 'generic' })
        .expect(201)
    ).body;
    const response = await http()
      .post(`/webhooks/${webhook.id}`)
      .set('X-Webhook-Token', webhook.authToken)
      .send({ only: true })
      .expect(202);
    const event = await waitForEvent(webhook.id, response.body.eventId);

    const execution = await getExecution(t, owner.accessToken, event.workflowExecutionId);
    expect(execution).toMatchObject({ status: 'succeeded', finishedAt: expect.any(String) });
    expect(nodeOf(execution, 'inbound')).toMatchObject({ status: 'succeeded', output: { body: { only: true } } });
    expect(await eventsOf(execution.id)).toEqual([
      'execution.started',
      'workflow.node.triggered inbound',
      'node.succeeded inbound',
      'execution.succeeded',
    ]);
  });

  it('mercadolibre (unsigned) is answered at once and processed; zapier accepts a form body via ?token=', async () => {
    const meli = await createWebhook({ provider: 'mercadolibre' });
    const started = Date.now();
    const response = await http()
      .post(`/webhooks/${meli.id}/mercadolibre`)
      .set('Authorization', `Bearer ${meli.authToken}`)
      .set('Content-Type', 'application/json')
      .send(fixture('mercadolibre-order.json').toString());
    expect(response.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(500);
    const event = await waitForEvent(meli.id, response.body.eventId);
    expect(event.providerEventId).toBe('f9f08571-1f65-4c46-9e0a-c0f43faac1c4');
    expect((await waitForExecution(t, owner.accessToken, event.workflowExecutionId)).status).toBe('succeeded');

    const zapier = await createWebhook({ provider: 'zapier' });
    const form = await http()
      .post(`/webhooks/${zapier.id}?token=${zapier.authToken}&source=zap`)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('event=new_lead&name=Ana');
    expect(form.status).toBe(202);
    const zapEvent = await waitForEvent(zapier.id, form.body.eventId);
    const execution = await waitForExecution(t, owner.accessToken, zapEvent.workflowExecutionId);
    expect(execution.trigger).toMatchObject({
      input: { body: { event: 'new_lead', name: 'Ana' }, query: { source: 'zap' } },
    });
  });

  it('NUL characters (JSON \\u0000 in a key or value, %00 in the query) are accepted and processed, stored as U+FFFD', async () => {
    const webhook = await createWebhook({ provider: 'generic' });
    const response = await http()
      .post(`/webhooks/${webhook.id}?q=a%00b`)
      .set('Content-Type', 'application/json')
      .set('X-Webhook-Token', webhook.authToken)
      .send('{"text":"a\\u0000b","k\\u0000":1,"kept":"a\\\\u0000b"}');
    expect(response.status).toBe(202);
    const event = await waitForEvent(webhook.id, response.body.eventId);
    expect(event).toMatchObject({ status: 'processed', error: null });
    const execution = await waitForExecution(t, owner.accessToken, event.workflowExecutionId);
    expect(execution.status).toBe('succeeded');
    // A literal backslash before "u0000" is text, not a NUL: it is kept as sent.
    expect(execution.trigger).toMatchObject({
      input: { body: { text: 'a\uFFFDb', 'k\uFFFD': 1, kept: 'a\\u0000b' }, query: { q: 'a\uFFFDb' } },
    });
  });

  it('refuses a wrong signature or token with 401 and processes nothing', async () => {
    const webhook = await createWebhook({ provider: 'whatsapp', secretKey: META_SECRET });
    const body = fixture('whatsapp-message.json');
    const wrongSignature = await http()
      .post(`/webhooks/${webhook.id}`)
      .set('Content-Type', 'application/json')
      .set('X-Webhook-Token', webhook.authToken)
      .set('X-Hub-Signature-256', hexSignature('wrong', body))
      .send(body.toString());
    expectProblem(wrongSignature, 401, 'webhook_unauthorized');
    const noSignature = await http()
      .post(`/webhooks/${webhook.id}`)
      .set('Content-Type', 'application/json')
      .set('X-Webhook-Token', webhook.authToken)
      .send(body.toString());
    expectProblem(noSignature, 401, 'webhook_unauthorized');
    const badToken = await http()
      .post(`/webhooks/${webhook.id}`)
      .set('Content-Type', 'application/json')
      .set('X-Webhook-Token', 'whk_nope')
      .set('X-Hub-Signature-256', hexSignature(META_SECRET, body))
      .send(body.toString());
    expectProblem(badToken, 401, 'webhook_unauthorized');
    expectProblem(await http().post(`/webhooks/${webhook.id}`).send({ a: 1 }), 401);
    const events = await http()
      .get(`/api/webhooks/${webhook.id}/events`)
      .set(...bearer(owner))
      .expect(200);
    expect(events.body.total).toBe(0);
    const stats = await http()
      .get(`/api/webhooks/${webhook.id}`)
      .set(...bearer(owner))
      .expect(200);
    expect(stats.body.stats).toMatchObject({ totalCalls: 4, successfulCalls: 0, lastError: expect.any(String) });
    expect(stats.body.hasSecret).toBe(true);
    expect(JSON.stringify(stats.body)).not.toContain(META_SECRET);
  });

  it('50 concurrent identical deliveries start one execution', async () => {
    const webhook = await createWebhook({ provider: 'whatsapp', secretKey: META_SECRET });
    const body = fixture('whatsapp-message.json').toString();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        http()
          .post(`/webhooks/${webhook.id}`)
          .set('X-Forwarded-For', randomIp())
          .set('Content-Type', 'application/json')
          .set('X-Webhook-Token', webhook.authToken)
          .set('X-Hub-Signature-256', hexSignature(META_SECRET, body))
          .send(body),
      ),
    );
    const accepted = responses.filter((r) => r.status === 202);
    const duplicates = responses.filter((r) => r.status === 200);
    expect(accepted).toHaveLength(1);
    expect(duplicates).toHaveLength(49);
    for (const duplicate of duplicates)
      expect(duplicate.body).toEqual({ status: 'duplicate', eventId: accepted[0].body.eventId });
    await waitForEvent(webhook.id, accepted[0].body.eventId);
    const executions = await http()
      .get(`/api/workflows/${workflowId}/executions?limit=100`)
      .set(...bearer(owner))
      .expect(200);
    const ids = (await t.app
      .get(DataSource)
      .query(`SELECT workflow_execution_id FROM webhook_events WHERE webhook_id = $1`, [webhook.id])) as unknown[];
    expect(ids).toHaveLength(1);
    expect(executions.body.total).toBeGreaterThan(0);
  });

  it('Idempotency-Key de-duplicates generic deliveries', async () => {
    const webhook = await createWebhook({ provider: 'generic' });
    const key = randomUUID();
    const send = () =>
      http()
        .post(`/webhooks/${webhook.id}`)
        .set('X-Webhook-Token', webhook.authToken)
        .set('Idempotency-Key', key)
        .send({ hello: 'world' });
    const first = await send();
    expect(first.status).toBe(202);
    const second = await send();
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ status: 'duplicate', eventId: first.body.eventId });
  });

  it('an event job delivered again after its execution was created finishes the event with that same execution', async () => {
    const webhook = await createWebhook({ provider: 'generic' });
    const accepted = await http()
      .post(`/webhooks/${webhook.id}`)
      .set('X-Webhook-Token', webhook.authToken)
      .send({ again: true })
      .expect(202);
    const first = await waitForEvent(webhook.id, accepted.body.eventId);
    // As if the worker died after starting the execution but before recording the event's outcome.
    const db = t.app.get(DataSource);
    await db.query(`UPDATE webhook_events SET status = 'received', workflow_execution_id = NULL WHERE id = $1`, [
      accepted.body.eventId,
    ]);
    await t.app.get(CommandBus).execute(new ProcessWebhookEventCommand(owner.tenantId, accepted.body.eventId));
    const [row] = await db.query(
      `SELECT status, workflow_execution_id AS "executionId" FROM webhook_events WHERE id = $1`,
      [accepted.body.eventId],
    );
    expect(row).toEqual({ status: 'processed', executionId: first.workflowExecutionId });
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM executions WHERE source_key = $1`, [
      `webhook-event:${accepted.body.eventId}`,
    ]);
    expect(count).toBe(1);
  });

  it.each([
    [
      'PostgreSQL refuses connections',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['deliveries pile up behind a stalled PostgreSQL', new BatcherSaturatedError(10_000)],
  ])('answers 503 problem details with Retry-After, never a 202, when %s', async (_case, failure) => {
    const webhook = await createWebhook({ provider: 'generic' });
    const insert = jest.spyOn(t.app.get(WebhookEventStore), 'insert').mockRejectedValueOnce(failure);
    try {
      const response = await http()
        .post(`/webhooks/${webhook.id}`)
        .set('X-Webhook-Token', webhook.authToken)
        .send({ lost: false });
      expectProblem(response, 503, 'dependency_unavailable');
      expect(response.body.detail).toBe('Unavailable: PostgreSQL cannot be reached. Retry later.');
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      insert.mockRestore();
    }
    const [{ count }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS count FROM webhook_events WHERE webhook_id = $1`, [webhook.id]);
    expect(count).toBe(0);
  });

  it('concurrent deliveries committed together keep each key to one event and each keyless delivery to its own', async () => {
    const webhook = await createWebhook({ provider: 'generic' });
    const keys = Array.from({ length: 8 }, () => randomUUID());
    const deliveries = [...keys.flatMap((key) => [key, key, key]), ...Array.from({ length: 8 }, () => null)];
    const responses = await Promise.all(
      deliveries.map((key) => {
        const call = http()
          .post(`/webhooks/${webhook.id}`)
          .set('X-Forwarded-For', randomIp())
          .set('X-Webhook-Token', webhook.authToken);
        return (key ? call.set('Idempotency-Key', key) : call).send({ key });
      }),
    );
    for (const key of keys) {
      const answers = responses.filter((_, i) => deliveries[i] === key);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 202]);
      expect(new Set(answers.map((r) => r.body.eventId)).size).toBe(1);
    }
    const keyless = responses.filter((_, i) => deliveries[i] === null);
    expect(keyless.map((r) => r.status)).toEqual(Array(8).fill(202));
    expect(new Set(keyless.map((r) => r.body.eventId)).size).toBe(8);
    const [{ count }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS count FROM webhook_events WHERE webhook_id = $1`, [webhook.id]);
    expect(count).toBe(keys.length + 8);
    // Counted per event-loop turn, written right after it: visible to the next request.
    const view = await http()
      .get(`/api/webhooks/${webhook.id}`)
      .set(...bearer(owner))
      .expect(200);
    expect(view.body.stats).toMatchObject({
      totalCalls: deliveries.length,
      successfulCalls: keys.length + 8,
      lastCalledAt: expect.any(String),
    });
  });

  it('generic with a secret requires X-Signature-256', async () => {
    const webhook = await createWebhook({ provider: 'generic', secretKey: 'plain-secret' });
    const body = JSON.stringify({ order: 7 });
    const signed = await http()
      .post(`/webhooks/${webhook.id}`)
      .set('Content-Type', 'application/json')
      .set('X-Webhook-Token', webhook.authToken)
      .set('X-Signature-256', hexSignature('plain-secret', body))
      .send(body);
    expect(signed.status).toBe(202);
    expectProblem(
      await http()
        .post(`/webhooks/${webhook.id}`)
        .set('Content-Type', 'application/json')
        .set('X-Webhook-Token', webhook.authToken)
        .send(body),
      401,
    );
  });

  it('Meta handshake, public status, token regeneration, deactivation (410) and activation', async () => {
    const webhook = await createWebhook({ provider: 'whatsapp', config: { verifyToken: 'verify-me' } });
    const ok = await http()
      .get(`/webhooks/${webhook.id}?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444`)
      .expect(200);
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    expect(ok.text).toBe('1158201444');
    expectProblem(
      await http().get(`/webhooks/${webhook.id}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`),
      403,
      'verification_failed',
    );

    const status = await http().get(`/webhooks/${webhook.id}/status`).expect(200);
    expect(status.body).toEqual({ id: webhook.id, status: 'active', provider: 'whatsapp' });

    const regenerated = await http()
      .post(`/api/webhooks/${webhook.id}/regenerate-token`)
      .set(...bearer(owner))
      .expect(200);
    expect(regenerated.body.authToken).not.toBe(webhook.authToken);
    expectProblem(
      await http().post(`/webhooks/${webhook.id}`).set('X-Webhook-Token', webhook.authToken).send({ a: 1 }),
      401,
    );
    expect(
      (await http().post(`/webhooks/${webhook.id}`).set('X-Webhook-Token', regenerated.body.authToken).send({ a: 1 }))
        .status,
    ).toBe(202);

    await http()
      .delete(`/api/webhooks/${webhook.id}`)
      .set(...bearer(owner))
      .expect(204);
    expectProblem(
      await http().post(`/webhooks/${webhook.id}`).set('X-Webhook-Token', regenerated.body.authToken).send({ a: 1 }),
      410,
      'webhook_inactive',
    );
    expect((await http().get(`/webhooks/${webhook.id}/status`).expect(200)).body.status).toBe('inactive');
    await http()
      .post(`/api/webhooks/${webhook.id}/activate`)
      .set(...bearer(owner))
      .expect(200);
    expect(
      (await http().post(`/webhooks/${webhook.id}`).set('X-Webhook-Token', regenerated.body.authToken).send({ b: 2 }))
        .status,
    ).toBe(202);
  });

  it('answers 404 for unknown or malformed ids and a provider segment that does not match', async () => {
    const webhook = await createWebhook({ provider: 'zapier' });
    expectProblem(await http().post(`/webhooks/${randomUUID()}`).send({}), 404, 'webhook_not_found');
    expectProblem(await http().post('/webhooks/not-a-uuid').send({}), 404);
    expectProblem(
      await http().post(`/webhooks/${webhook.id}/whatsapp`).set('X-Webhook-Token', webhook.authToken).send({}),
      404,
    );
    expectProblem(await http().get('/webhooks/not-a-uuid/status'), 404);
  });

  it('bad bodies get 413, 415 or 400 and create nothing', async () => {
    const webhook = await createWebhook({ provider: 'generic' });
    const post = () => http().post(`/webhooks/${webhook.id}`).set('X-Webhook-Token', webhook.authToken);
    expectProblem(
      await post()
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ blob: 'x'.repeat(t.config.bodyLimitBytes) })),
      413,
    );
    expectProblem(await post().set('Content-Type', 'text/xml').send('<a/>'), 415);
    expectProblem(await post().set('Content-Type', 'application/json').send('{"broken": '), 400);
    expect(
      (
        await http()
          .get(`/api/webhooks/${webhook.id}/events`)
          .set(...bearer(owner))
          .expect(200)
      ).body.total,
    ).toBe(0);
  });

  it('rate-limits per (webhook, source IP) with 429 and Retry-After', async () => {
    const webhook = await createWebhook({ provider: 'generic' });
    const ip = randomIp();
    const startedSecond = Math.floor(Date.now() / 1000);
    const responses = await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        http()
          .post(`/webhooks/${webhook.id}`)
          .set('X-Forwarded-For', ip)
          .set('X-Webhook-Token', webhook.authToken)
          .send({ i }),
      ),
    );
    const windows = Math.floor(Date.now() / 1000) - startedSecond + 1;
    const limited = responses.filter((r) => r.status === 429);
    // Exactly the limit (20) per one-second window, however many requests one event-loop turn counts together.
    expect(responses.filter((r) => r.status === 202).length).toBeGreaterThanOrEqual(20);
    expect(responses.filter((r) => r.status === 202).length).toBeLessThanOrEqual(20 * windows);
    expect(limited.length + responses.filter((r) => r.status === 202).length).toBe(80);
    expectProblem(limited[0], 429, 'rate_limited');
    expect(limited[0].headers['retry-after']).toBe('1');
    expect(
      (
        await http()
          .post(`/webhooks/${webhook.id}`)
          .set('X-Forwarded-For', randomIp())
          .set('X-Webhook-Token', webhook.authToken)
          .send({ other: true })
      ).status,
    ).toBe(202);
  });

  it('fails the event clearly when nothing is published or the payload does not match its schema; replay runs it again', async () => {
    const draft = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({ name: 'Draft', nodes: [{ id: 'inbound', type: 'trigger.webhook', config: {} }], edges: [] })
      .expect(201);
    const unpublished = (
      await http()
        .post('/api/webhooks')
        .set(...bearer(owner))
        .send({ name: 'x', workflowId: draft.body.id, nodeId: 'inbound', provider: 'generic' })
        .expect(201)
    ).body;
    const sent = await http()
      .post(`/webhooks/${unpublished.id}`)
      .set('X-Webhook-Token', unpublished.authToken)
      .send({ a: 1 })
      .expect(202);
    const failed = await waitForEvent(unpublished.id, sent.body.eventId);
    expect(failed).toMatchObject({
      status: 'failed',
      error: 'The workflow has no published version.',
      workflowExecutionId: null,
    });

    await http()
      .post(`/api/workflows/${draft.body.id}/publish`)
      .set(...bearer(owner))
      .expect(200);
    const replay = await http()
      .post(`/api/webhooks/${unpublished.id}/events/${sent.body.eventId}/replay`)
      .set(...bearer(owner))
      .expect(202);
    expect(replay.body).toEqual({ status: 'accepted', eventId: sent.body.eventId });
    const replayed = await waitFor(
      async () =>
        (
          await http()
            .get(`/api/webhooks/${unpublished.id}/events/${sent.body.eventId}`)
            .set(...bearer(owner))
            .expect(200)
        ).body,
      (event: EventView) => event.status === 'processed',
    );
    expect((await waitForExecution(t, owner.accessToken, replayed.workflowExecutionId)).trigger).toMatchObject({
      type: 'replay',
    });

    const strict = await createWebhook({
      provider: 'generic',
      config: { expectedPayloadSchema: { type: 'object', required: ['orderId'] } },
    });
    const mismatch = await http()
      .post(`/webhooks/${strict.id}`)
      .set('X-Webhook-Token', strict.authToken)
      .send({ nope: 1 })
      .expect(202);
    expect((await waitForEvent(strict.id, mismatch.body.eventId)).error).toMatch(
      /does not match expectedPayloadSchema.*orderId/,
    );
  });

  it('management: validation, node binding, filters and 404s', async () => {
    expectProblem(
      await http()
        .post('/api/webhooks')
        .set(...bearer(owner))
        .send({ name: 'x', workflowId, nodeId: 'shape', provider: 'generic' }),
      400,
      'invalid_webhook_node',
    );
    expectProblem(
      await http()
        .post('/api/webhooks')
        .set(...bearer(owner))
        .send({ name: 'x', workflowId, nodeId: 'inbound', provider: 'carrier-pigeon' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await http()
        .post('/api/webhooks')
        .set(...bearer(owner))
        .send({ name: 'x', workflowId: randomUUID(), nodeId: 'inbound', provider: 'generic' }),
      404,
      'workflow_not_found',
    );
    const list = await http()
      .get('/api/webhooks?provider=whatsapp&limit=100')
      .set(...bearer(owner))
      .expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((w: { provider: string }) => w.provider === 'whatsapp')).toBe(true);
    expectProblem(
      await http()
        .get(`/api/webhooks/${randomUUID()}`)
        .set(...bearer(owner)),
      404,
      'webhook_not_found',
    );
    const webhook = await createWebhook({ provider: 'generic' });
    expectProblem(
      await http()
        .get(`/api/webhooks/${webhook.id}/events/${randomUUID()}`)
        .set(...bearer(owner)),
      404,
      'webhook_event_not_found',
    );
    const renamed = await http()
      .put(`/api/webhooks/${webhook.id}`)
      .set(...bearer(owner))
      .send({ name: 'Renamed' })
      .expect(200);
    expect(renamed.body.name).toBe('Renamed');
    expect(renamed.body.url).toBe(`${t.config.publicBaseUrl}/webhooks/${webhook.id}`);
  });

  it('archiving the workflow deactivates its webhooks', async () => {
    const flow = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({ name: 'Soon archived', nodes: [{ id: 'inbound', type: 'trigger.webhook', config: {} }], edges: [] })
      .expect(201);
    const webhook = (
      await http()
        .post('/api/webhooks')
        .set(...bearer(owner))
        .send({ name: 'x', workflowId: flow.body.id, nodeId: 'inbound', provider: 'generic' })
        .expect(201)
    ).body;
    await http()
      .delete(`/api/workflows/${flow.body.id}`)
      .set(...bearer(owner))
      .expect(204);
    await waitFor(
      async () => (await http().get(`/webhooks/${webhook.id}/status`)).body.status,
      (status) => status === 'inactive',
    );
  });
});
