import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, registerTenant, type RegisteredTenant } from './support/auth-helpers.js';
import { waitForExecution } from './support/execution-helpers.js';
import { expectProblem } from './support/problem-assertions.js';
import { parsePrometheus, sum, type Samples } from './support/prometheus.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

/** Succeeded and failed manual executions, and inbound events to a published and an unpublished flow. */
const N_SUCCEEDED = 5;
const M_FAILED = 3;
const K_PROCESSED = 4;
const F_FAILED_EVENTS = 2;

/** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
function percentileCont(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((acc, value) => acc + value, 0) / values.length;
}

function expectCloseOrNull(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 2);
}

describe('Analytics and metrics', () => {
  let t: TestApp;
  let db: DataSource;
  let a: RegisteredTenant;
  let b: RegisteredTenant;
  const flows = { ok: '', fail: '', hook: '', draft: '' };
  const hooks = { live: { id: '', authToken: '' }, unpublished: { id: '', authToken: '' } };
  const executionIds: string[] = [];
  const eventIds: { webhookId: string; eventId: string }[] = [];
  let before: Samples;
  let afterExecutions: Samples;
  let afterWebhooks: Samples;

  const http = () => request(t.app.getHttpServer());
  const scrape = async (): Promise<Samples> => {
    const response = await http().get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    return parsePrometheus(response.text);
  };
  const createWorkflow = async (name: string, nodes: object[], edges: object[]) =>
    (
      await http()
        .post('/api/workflows')
        .set(...bearer(a))
        .send({ name, nodes, edges })
        .expect(201)
    ).body.id as string;
  const createWebhook = async (name: string, workflowId: string) =>
    (
      await http()
        .post('/api/webhooks')
        .set(...bearer(a))
        .send({ name, workflowId, nodeId: 'inbound', provider: 'generic' })
        .expect(201)
    ).body as { id: string; authToken: string };
  const execute = async (workflowId: string) =>
    (
      await http()
        .post(`/api/workflows/${workflowId}/execute`)
        .set(...bearer(a))
        .send({ input: {} })
        .expect(202)
    ).body.executionId as string;
  const send = async (hook: { id: string; authToken: string }, body: object) => {
    const response = await http()
      .post(`/webhooks/${hook.id}`)
      .set('X-Webhook-Token', hook.authToken)
      .send(body)
      .expect(202);
    eventIds.push({ webhookId: hook.id, eventId: response.body.eventId });
  };
  const analytics = async (path: string, tenant: RegisteredTenant = a) =>
    (
      await http()
        .get(`/api/analytics/${path}`)
        .set(...bearer(tenant))
        .expect(200)
    ).body as { items: Record<string, unknown>[] };

  beforeAll(async () => {
    t = await createTestApp({ QUEUE_PREFIX: `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_analytics` });
    db = t.app.get(DataSource);
    a = await registerTenant(t, 'Analytics A');
    b = await registerTenant(t, 'Analytics B');
    flows.ok = await createWorkflow(
      'Analytics ok',
      [
        { id: 'start', type: 'trigger.manual', config: {} },
        { id: 'shape', type: 'transform', config: { set: { ok: 'yes' } } },
      ],
      [{ source: 'start', target: 'shape' }],
    );
    flows.fail = await createWorkflow(
      'Analytics fail',
      [
        { id: 'start', type: 'trigger.manual', config: {} },
        { id: 'boom', type: 'transform', config: { set: { never: '{{ $error("boom") }}' } } },
      ],
      [{ source: 'start', target: 'boom' }],
    );
    const hookGraph = [
      [
        { id: 'inbound', type: 'trigger.webhook', config: {} },
        { id: 'shape', type: 'transform', config: { set: { got: '{{ trigger.body.n }}' } } },
      ],
      [{ source: 'inbound', target: 'shape' }],
    ] as const;
    flows.hook = await createWorkflow('Analytics hook', [...hookGraph[0]], [...hookGraph[1]]);
    await http()
      .post(`/api/workflows/${flows.hook}/publish`)
      .set(...bearer(a))
      .expect(200);
    flows.draft = await createWorkflow('Analytics draft', [...hookGraph[0]], [...hookGraph[1]]);
    hooks.live = await createWebhook('Live hook', flows.hook);
    hooks.unpublished = await createWebhook('Unpublished hook', flows.draft);

    before = await scrape();
    for (let i = 0; i < N_SUCCEEDED; i++) executionIds.push(await execute(flows.ok));
    for (let i = 0; i < M_FAILED; i++) executionIds.push(await execute(flows.fail));
    const finished = await Promise.all(executionIds.map((id) => waitForExecution(t, a.accessToken, id)));
    expect(finished.map((execution) => execution.status).sort()).toEqual([
      ...Array(M_FAILED).fill('failed'),
      ...Array(N_SUCCEEDED).fill('succeeded'),
    ]);
    // Counters move when the committed events are published: poll until they settle, assert exactly below.
    afterExecutions = await waitFor(
      scrape,
      (now) =>
        sum(now, 'flowhook_executions_total', 'status="failed"') -
          sum(before, 'flowhook_executions_total', 'status="failed"') >=
          M_FAILED &&
        sum(now, 'flowhook_executions_total', 'status="succeeded"') -
          sum(before, 'flowhook_executions_total', 'status="succeeded"') >=
          N_SUCCEEDED,
    );

    for (let i = 0; i < K_PROCESSED; i++) await send(hooks.live, { n: i });
    for (let i = 0; i < F_FAILED_EVENTS; i++) await send(hooks.unpublished, { n: i });
    // Not events: a duplicate delivery and a refused token.
    await http()
      .post(`/webhooks/${hooks.live.id}`)
      .set('X-Webhook-Token', hooks.live.authToken)
      .set('Idempotency-Key', 'dup-1')
      .send({ n: 'dup' })
      .expect(202)
      .then((r) => eventIds.push({ webhookId: hooks.live.id, eventId: r.body.eventId }));
    await http()
      .post(`/webhooks/${hooks.live.id}?token=${hooks.live.authToken}`)
      .set('Idempotency-Key', 'dup-1')
      .send({ n: 'dup' })
      .expect(200);
    await http().post(`/webhooks/${hooks.live.id}`).set('X-Webhook-Token', 'whk_wrong').send({}).expect(401);
    const events = await Promise.all(
      eventIds.map(({ webhookId, eventId }) =>
        waitFor(
          async () =>
            (
              await http()
                .get(`/api/webhooks/${webhookId}/events/${eventId}`)
                .set(...bearer(a))
                .expect(200)
            ).body as { status: string; workflowExecutionId: string | null },
          (event) => event.status !== 'received',
        ),
      ),
    );
    const started = events.filter((event) => event.workflowExecutionId).map((event) => event.workflowExecutionId!);
    expect(started).toHaveLength(K_PROCESSED + 1);
    await Promise.all(started.map((id) => waitForExecution(t, a.accessToken, id)));
    afterWebhooks = await waitFor(
      scrape,
      (now) =>
        sum(now, 'flowhook_webhook_processing_seconds_count') -
          sum(afterExecutions, 'flowhook_webhook_processing_seconds_count') >=
          eventIds.length &&
        sum(now, 'flowhook_executions_total', 'status="succeeded"') -
          sum(afterExecutions, 'flowhook_executions_total', 'status="succeeded"') >=
          K_PROCESSED + 1,
    );
  }, 60000);
  afterAll(async () => {
    await t?.close();
  });

  const LIVE_EVENTS = K_PROCESSED + 1; // the de-duplicated delivery is one accepted event

  it('/metrics is valid Prometheus text and its counters moved by exactly what the test did', () => {
    const delta = (after: Samples, earlier: Samples, name: string, ...labels: string[]) =>
      sum(after, name, ...labels) - sum(earlier, name, ...labels);
    expect(delta(afterExecutions, before, 'flowhook_executions_total', 'status="started"')).toBe(
      N_SUCCEEDED + M_FAILED,
    );
    expect(delta(afterExecutions, before, 'flowhook_executions_total', 'status="succeeded"')).toBe(N_SUCCEEDED);
    expect(delta(afterExecutions, before, 'flowhook_executions_total', 'status="failed"')).toBe(M_FAILED);
    expect(delta(afterExecutions, before, 'flowhook_executions_total', 'status="cancelled"')).toBe(0);

    expect(delta(afterWebhooks, afterExecutions, 'flowhook_executions_total', 'status="started"')).toBe(LIVE_EVENTS);
    expect(delta(afterWebhooks, afterExecutions, 'flowhook_executions_total', 'status="succeeded"')).toBe(LIVE_EVENTS);
    expect(delta(afterWebhooks, afterExecutions, 'flowhook_executions_total', 'status="failed"')).toBe(0);
    expect(
      delta(
        afterWebhooks,
        afterExecutions,
        'flowhook_webhook_processing_seconds_count',
        'provider="generic"',
        'status="processed"',
      ),
    ).toBe(LIVE_EVENTS);
    expect(
      delta(
        afterWebhooks,
        afterExecutions,
        'flowhook_webhook_processing_seconds_count',
        'provider="generic"',
        'status="failed"',
      ),
    ).toBe(F_FAILED_EVENTS);
    expect(
      delta(
        afterWebhooks,
        afterExecutions,
        'flowhook_webhook_requests_total',
        'provider="generic"',
        'outcome="accepted"',
      ),
    ).toBe(LIVE_EVENTS + F_FAILED_EVENTS);
    expect(delta(afterWebhooks, afterExecutions, 'flowhook_webhook_requests_total', 'outcome="duplicate"')).toBe(1);
    expect(delta(afterWebhooks, afterExecutions, 'flowhook_webhook_requests_total', 'outcome="unauthorized"')).toBe(1);
    // The histogram's +Inf bucket equals its count for every label set.
    for (const [key, value] of afterWebhooks) {
      if (!key.startsWith('flowhook_webhook_processing_seconds_count{')) continue;
      const labels = key.slice(key.indexOf('{') + 1, -1);
      expect(
        afterWebhooks.get(
          `flowhook_webhook_processing_seconds_bucket{${[labels, 'le="+Inf"'].join(',').split(',').sort().join(',')}}`,
        ),
      ).toBe(value);
    }

    for (const queue of ['nodes', 'webhook-events']) {
      for (const state of ['waiting', 'active', 'delayed', 'failed', 'prioritized', 'completed']) {
        expect(afterWebhooks.get(`flowhook_queue_jobs{queue="${queue}",state="${state}"}`)).toEqual(expect.any(Number));
      }
    }
    // Bounded cardinality: no id of any kind in a label.
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    for (const key of afterWebhooks.keys()) expect(key).not.toMatch(uuid);
  });

  it('workflow analytics equal the executions the test ran; durations match the stored timings', async () => {
    const { items } = await analytics('workflows');
    expect(items.map((item) => item.workflowId).sort()).toEqual(Object.values(flows).sort());
    const expected: Record<string, { executions: number; succeeded: number; failed: number; name: string }> = {
      [flows.ok]: { name: 'Analytics ok', executions: N_SUCCEEDED, succeeded: N_SUCCEEDED, failed: 0 },
      [flows.fail]: { name: 'Analytics fail', executions: M_FAILED, succeeded: 0, failed: M_FAILED },
      [flows.hook]: { name: 'Analytics hook', executions: LIVE_EVENTS, succeeded: LIVE_EVENTS, failed: 0 },
      [flows.draft]: { name: 'Analytics draft', executions: 0, succeeded: 0, failed: 0 },
    };
    for (const item of items) {
      const workflowId = item.workflowId as string;
      expect(item).toMatchObject(expected[workflowId]);
      const rows: { ms: number | null; began: Date }[] = await db.query(
        `SELECT (extract(epoch FROM (finished_at - started_at)) * 1000)::float8 AS ms, coalesce(started_at, created_at) AS began
           FROM executions WHERE tenant_id = $1 AND workflow_id = $2`,
        [a.tenantId, workflowId],
      );
      const durations = rows.map((row) => row.ms).filter((ms): ms is number => ms !== null);
      expect(durations).toHaveLength(expected[workflowId].executions);
      expectCloseOrNull(item.avgDurationMs as number | null, mean(durations));
      expectCloseOrNull(item.p95DurationMs as number | null, percentileCont(durations, 0.95));
      const last =
        rows.length === 0 ? null : new Date(Math.max(...rows.map((row) => row.began.getTime()))).toISOString();
      expect(item.lastExecutedAt).toBe(last);
    }
    // Busiest first.
    const counts = items.map((item) => item.executions as number);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
  });

  it('date filters are inclusive: a date-only dateTo covers its whole day; a future window is empty', async () => {
    const [{ first, lastDay }]: { first: Date; lastDay: string }[] = await db.query(
      `SELECT min(created_at) AS first, to_char(max(created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "lastDay" FROM executions WHERE tenant_id = $1`,
      [a.tenantId],
    );
    // min(created_at) has microseconds; its millisecond truncation is at or before it.
    const window = await analytics(`workflows?dateFrom=${encodeURIComponent(first.toISOString())}&dateTo=${lastDay}`);
    const total = window.items.reduce((acc, item) => acc + (item.executions as number), 0);
    expect(total).toBe(N_SUCCEEDED + M_FAILED + LIVE_EVENTS);
    const future = await analytics('workflows?dateFrom=2999-01-01T00:00:00Z');
    expect(
      future.items.map((item) => [item.executions, item.avgDurationMs, item.p95DurationMs, item.lastExecutedAt]),
    ).toEqual(Array(4).fill([0, null, null, null]));
    const past = await analytics('webhooks?dateTo=2000-01-01');
    expect(
      past.items.map((item) => [item.events, item.successRate, item.p95ProcessingMs, item.lastReceivedAt]),
    ).toEqual(Array(2).fill([0, null, null, null]));
  });

  it('webhook analytics count accepted events, processed and failed; p95 matches the stored processing times', async () => {
    const { items } = await analytics('webhooks?provider=generic');
    expect(items).toHaveLength(2);
    const expected: Record<string, object> = {
      [hooks.live.id]: {
        name: 'Live hook',
        provider: 'generic',
        events: LIVE_EVENTS,
        processed: LIVE_EVENTS,
        failed: 0,
        successRate: 1,
      },
      [hooks.unpublished.id]: {
        name: 'Unpublished hook',
        provider: 'generic',
        events: F_FAILED_EVENTS,
        processed: 0,
        failed: F_FAILED_EVENTS,
        successRate: 0,
      },
    };
    for (const item of items) {
      expect(item).toMatchObject(expected[item.webhookId as string]);
      const rows: { ms: number; receivedAt: Date }[] = await db.query(
        `SELECT processing_time_ms AS ms, received_at AS "receivedAt" FROM webhook_events WHERE tenant_id = $1 AND webhook_id = $2`,
        [a.tenantId, item.webhookId],
      );
      expectCloseOrNull(
        item.p95ProcessingMs as number,
        percentileCont(
          rows.map((row) => row.ms),
          0.95,
        ),
      );
      expect(item.lastReceivedAt).toBe(
        new Date(Math.max(...rows.map((row) => row.receivedAt.getTime()))).toISOString(),
      );
    }
    expect(items[0].webhookId).toBe(hooks.live.id);
    expect((await analytics('webhooks?provider=whatsapp')).items).toEqual([]);
    expect((await analytics('webhooks')).items).toHaveLength(2);
  });

  it('node analytics: runs, errors and durations per node of a workflow', async () => {
    const ok = await analytics(`nodes?workflowId=${flows.ok}`);
    expect(ok.items.map(({ nodeId, type, runs, errors }) => ({ nodeId, type, runs, errors }))).toEqual([
      { nodeId: 'shape', type: 'transform', runs: N_SUCCEEDED, errors: 0 },
      { nodeId: 'start', type: 'trigger.manual', runs: N_SUCCEEDED, errors: 0 },
    ]);
    const fail = await analytics(`nodes?workflowId=${flows.fail}`);
    expect(fail.items.map(({ nodeId, runs, errors }) => ({ nodeId, runs, errors }))).toEqual([
      { nodeId: 'boom', runs: M_FAILED, errors: M_FAILED },
      { nodeId: 'start', runs: M_FAILED, errors: 0 },
    ]);
    for (const [workflowId, items] of [
      [flows.ok, ok.items],
      [flows.fail, fail.items],
    ] as const) {
      for (const item of items) {
        const rows: { ms: number }[] = await db.query(
          `SELECT (extract(epoch FROM (finished_at - started_at)) * 1000)::float8 AS ms FROM node_executions
            WHERE tenant_id = $1 AND workflow_id = $2 AND node_id = $3 AND status IN ('succeeded', 'failed')`,
          [a.tenantId, workflowId, item.nodeId],
        );
        expectCloseOrNull(item.avgDurationMs as number, mean(rows.map((row) => row.ms)));
        expectCloseOrNull(item.maxDurationMs as number, Math.max(...rows.map((row) => row.ms)));
      }
    }
    expect((await analytics(`nodes?workflowId=${flows.draft}`)).items).toEqual([]);
    expectProblem(
      await http()
        .get(`/api/analytics/nodes?workflowId=${randomUUID()}`)
        .set(...bearer(a)),
      404,
    );
  });

  it('webhook-action analytics aggregate recorded attempts per origin (empty while the table is absent)', async () => {
    const [{ present }]: { present: boolean }[] = await db.query(
      `SELECT to_regclass('webhook_action_executions') IS NOT NULL AS present`,
    );
    if (!present) {
      expect((await analytics('webhook-actions')).items).toEqual([]);
      return;
    }
    expect((await analytics('webhook-actions')).items).toEqual([]);
    const attempts: [string, number][] = [
      ['succeeded', 10],
      ['succeeded', 20],
      ['succeeded', 30],
      ['failed', 40],
    ];
    for (const [status, ms] of attempts) {
      await db.query(
        `INSERT INTO webhook_action_executions (tenant_id, workflow_id, node_id, attempt, method, url, origin, request_headers, status, duration_ms)
         VALUES ($1, $2, 'notify', 1, 'POST', 'https://hooks.analytics.test/x', 'https://hooks.analytics.test', '{}'::jsonb, $3, $4)`,
        [a.tenantId, flows.ok, status, ms],
      );
    }
    const { items } = await analytics('webhook-actions');
    expect(items).toEqual([
      {
        origin: 'https://hooks.analytics.test',
        calls: 4,
        succeeded: 3,
        failed: 1,
        successRate: 0.75,
        p95LatencyMs: percentileCont([10, 20, 30, 40], 0.95),
        circuitState: 'closed',
      },
    ]);
    expect((await analytics('webhook-actions?dateFrom=2999-01-01')).items).toEqual([]);
    expect((await analytics('webhook-actions', b)).items).toEqual([]);
  });

  it("tenant B sees none of A's analytics", async () => {
    for (const path of ['workflows', 'webhooks', 'webhook-actions']) {
      const response = await http()
        .get(`/api/analytics/${path}`)
        .set(...bearer(b))
        .expect(200);
      expect(response.body).toEqual({ items: [] });
    }
    expectProblem(
      await http()
        .get(`/api/analytics/nodes?workflowId=${flows.ok}`)
        .set(...bearer(b)),
      404,
    );
    expectProblem(await http().get('/api/analytics/workflows'), 401);
  });

  it.each([
    'workflows?limit=500',
    'workflows?dateFrom=yesterday',
    'workflows?dateFrom=2026-13-01',
    'workflows?dateFrom=2026-11-02&dateTo=2026-11-01',
    'webhooks?dateTo=2026-11-01T25:00:00Z',
    'webhooks?provider=carrier-pigeon',
    'nodes',
    'nodes?workflowId=not-a-uuid',
    'webhook-actions?dateFrom=tomorrow',
  ])('GET /api/analytics/%s → 400 problem details', async (path) => {
    const response = await http()
      .get(`/api/analytics/${path}`)
      .set(...bearer(a));
    expectProblem(response, 400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: expect.any(String), message: expect.any(String) })]),
    );
  });

  it('captured logs hold no password, token or webhook secret used in the test', () => {
    const logs = t.logs.join('');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [
      a.password,
      b.password,
      a.accessToken,
      b.accessToken,
      a.refreshToken,
      hooks.live.authToken,
      hooks.unpublished.authToken,
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});
