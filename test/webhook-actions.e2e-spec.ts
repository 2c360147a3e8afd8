import { Webhook } from 'standardwebhooks';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT } from '../src/platform/redis/redis.module.js';
import { bearer, registerTenant, type RegisteredTenant } from './support/auth-helpers.js';
import { nodeOf, waitForExecution } from './support/execution-helpers.js';
import { HttpReceiver } from './support/http-receiver.js';
import { expectProblem } from './support/problem-assertions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const BEARER_TOKEN = 'sk_live_super_secret_bearer_token_0001';
const API_KEY = 'ak_super_secret_api_key_0002';
const PASSWORD = 'super-secret-password-0003';

describe('Outbound webhook actions (action.http) against a real local receiver', () => {
  let t: TestApp;
  let owner: RegisteredTenant;
  const receiver = new HttpReceiver();
  const responses: string[] = [];
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    await receiver.start();
    t = await createTestApp({ OUTBOUND_ALLOWED_HOSTS: `127.0.0.1:${receiver.port}`, QUEUE_PREFIX: `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_outbound` });
    owner = await registerTenant(t, 'Outbound');
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });
  beforeEach(() => receiver.reset());

  async function credential(type: string, data: Record<string, string>) {
    const response = await http().post('/api/credentials').set(...bearer(owner)).send({ name: `${type} cred`, type, data });
    expect(response.status).toBe(201);
    responses.push(response.text);
    return response.body as { id: string; masked: Record<string, string>; generatedSecret?: string };
  }

  async function runAction(config: Record<string, unknown>, input: Record<string, unknown> = {}) {
    const workflow = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({
        name: `Action ${Date.now()}`,
        nodes: [
          { id: 'start', type: 'trigger.manual', config: {} },
          { id: 'call', type: 'action.http', config },
        ],
        edges: [{ source: 'start', target: 'call' }],
      })
      .expect(201);
    const started = await http().post(`/api/workflows/${workflow.body.id}/execute`).set(...bearer(owner)).send({ input }).expect(202);
    const execution = await waitForExecution(t, owner.accessToken, started.body.executionId, undefined, 20000);
    responses.push(JSON.stringify(execution));
    return { execution, workflowId: workflow.body.id as string };
  }

  it('credentials are masked in every answer and refused when malformed', async () => {
    const created = await credential('bearer', { token: BEARER_TOKEN });
    expect(created.masked).toEqual({ token: '****0001' });
    const list = await http().get('/api/credentials').set(...bearer(owner)).expect(200);
    responses.push(list.text);
    expect(list.text).not.toContain(BEARER_TOKEN);
    expectProblem(await http().post('/api/credentials').set(...bearer(owner)).send({ name: 'x', type: 'basic', data: { username: 'ana' } }), 400, 'invalid_credential_data');
    const signing = await credential('signing', {});
    expect(signing.generatedSecret).toMatch(/^whsec_/);
    await http().delete(`/api/credentials/${created.id}`).set(...bearer(owner)).expect(204);
    expectProblem(await http().delete(`/api/credentials/${created.id}`).set(...bearer(owner)), 404, 'credential_not_found');
  });

  it('an answer with NUL characters (binary, or JSON \\u0000) is called once and recorded with U+FFFD', async () => {
    receiver.plan(
      { status: 200, headers: { 'content-type': 'application/json' }, body: '{"v":"a\\u0000b"}' },
      { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: 'x\u0000y' },
    );
    const json = await runAction({ method: 'POST', url: `${receiver.url}/nul`, body: { a: 1 } });
    expect(json.execution.status).toBe('succeeded');
    expect(nodeOf(json.execution, 'call').output).toMatchObject({ status: 200, body: { v: 'a\uFFFDb' } });
    const binary = await runAction({ method: 'POST', url: `${receiver.url}/nul`, body: { a: 2 } });
    expect(binary.execution.status).toBe('succeeded');
    expect(nodeOf(binary.execution, 'call').output).toMatchObject({ status: 200, body: 'x\uFFFDy' });
    expect(receiver.requests).toHaveLength(2);
    const attempts = await http().get(`/api/webhook-actions/executions?workflowId=${binary.workflowId}`).set(...bearer(owner)).expect(200);
    expect(attempts.body.items).toEqual([expect.objectContaining({ status: 'succeeded', responseExcerpt: 'x\uFFFDy' })]);
  });

  it('each auth type arrives exactly as configured, and signed requests verify with standardwebhooks', async () => {
    const bearerCred = await credential('bearer', { token: BEARER_TOKEN });
    const basicCred = await credential('basic', { username: 'ana', password: PASSWORD });
    const keyCred = await credential('api_key', { key: API_KEY });
    const signing = await credential('signing', {});
    const url = `${receiver.url}/hook`;
    await runAction({ method: 'POST', url, body: { a: 1 }, auth: { type: 'bearer', credentialId: bearerCred.id } });
    await runAction({ method: 'POST', url, body: { a: 2 }, auth: { type: 'basic', credentialId: basicCred.id } });
    await runAction({ method: 'POST', url, body: { a: 3 }, auth: { type: 'api_key', credentialId: keyCred.id, headerName: 'X-Partner-Key' } });
    await runAction({ method: 'GET', url, auth: { type: 'api_key', credentialId: keyCred.id, queryParam: 'api_key' } });
    await runAction({ method: 'POST', url, body: { signed: true }, signing: { credentialId: signing.id } });

    const [b, basic, header, query, signed] = receiver.requests;
    expect(b.headers.authorization).toBe(`Bearer ${BEARER_TOKEN}`);
    expect(basic.headers.authorization).toBe(`Basic ${Buffer.from(`ana:${PASSWORD}`).toString('base64')}`);
    expect(header.headers['x-partner-key']).toBe(API_KEY);
    expect(new URL(query.url, receiver.url).searchParams.get('api_key')).toBe(API_KEY);
    const verified = new Webhook(signing.generatedSecret!).verify(signed.body, {
      'webhook-id': String(signed.headers['webhook-id']),
      'webhook-timestamp': String(signed.headers['webhook-timestamp']),
      'webhook-signature': String(signed.headers['webhook-signature']),
    });
    expect(verified).toEqual({ signed: true });
  });

  it('503, 503, 200 succeeds on attempt 3 with backoff; every attempt is logged', async () => {
    receiver.plan({ status: 503 }, { status: 503 });
    const { execution, workflowId } = await runAction({ method: 'POST', url: `${receiver.url}/flaky`, body: { x: 1 }, retry: { maxAttempts: 3, initialDelayMs: 100 } });
    expect(execution.status).toBe('succeeded');
    expect(nodeOf(execution, 'call')).toMatchObject({ status: 'succeeded', attempts: 3, output: { status: 200, body: { received: true } } });
    expect(receiver.requests).toHaveLength(3);
    expect(receiver.requests[1].at - receiver.requests[0].at).toBeGreaterThanOrEqual(50);
    const log = await http().get(`/api/webhook-actions/executions?workflowId=${workflowId}`).set(...bearer(owner)).expect(200);
    expect(log.body.items.map((i: { attempt: number; httpStatus: number; errorClass: string | null }) => [i.attempt, i.httpStatus, i.errorClass]).sort()).toEqual([
      [1, 503, 'http_5xx'],
      [2, 503, 'http_5xx'],
      [3, 200, null],
    ]);
    const one = await http().get(`/api/webhook-actions/executions/${log.body.items[0].id}`).set(...bearer(owner)).expect(200);
    expectProblem(await http().get('/api/webhook-actions/executions/00000000-0000-4000-8000-000000000000').set(...bearer(owner)), 404, 'action_execution_not_found');
    expect(one.body).toMatchObject({ method: 'POST', url: `${receiver.url}/flaky`, durationMs: expect.any(Number) });
  });

  it('429 with Retry-After waits that long; a 400 fails at once', async () => {
    receiver.plan({ status: 429, headers: { 'retry-after': '1' } });
    const { execution } = await runAction({ method: 'POST', url: `${receiver.url}/limited`, body: {}, retry: { maxAttempts: 2, initialDelayMs: 10 } });
    expect(execution.status).toBe('succeeded');
    expect(receiver.requests[1].at - receiver.requests[0].at).toBeGreaterThanOrEqual(950);

    receiver.reset();
    receiver.plan({ status: 400, body: 'bad' });
    const failed = await runAction({ method: 'POST', url: `${receiver.url}/bad`, body: {}, retry: { maxAttempts: 3, initialDelayMs: 10 } });
    expect(failed.execution.status).toBe('failed');
    expect(nodeOf(failed.execution, 'call')).toMatchObject({ attempts: 1, error: { class: 'http_4xx' } });
    expect(receiver.requests).toHaveLength(1);
  });

  it('a merge field cannot change the JSON structure or inject a header', async () => {
    const evil = '"}, "admin": true, "x": {"';
    await runAction(
      { method: 'POST', url: `${receiver.url}/merge/{{ trigger.body.path }}`, headers: { 'X-Name': '{{ trigger.body.header }}' }, body: { name: '{{ trigger.body.name }}', note: 'Hi {{ trigger.body.name }}' } },
      { name: evil, header: 'ok\r\nX-Evil: 1', path: '../admin?x=1' },
    );
    const [received] = receiver.requests;
    const body = JSON.parse(received.body);
    expect(Object.keys(body).sort()).toEqual(['name', 'note']);
    expect(body.name).toBe(evil);
    expect(received.headers['x-evil']).toBeUndefined();
    expect(received.headers['x-name']).toBe('okX-Evil: 1');
    expect(received.url).toBe('/merge/..%2Fadmin%3Fx%3D1');
  });

  it('over the per-origin rate limit, calls wait (delayed jobs) instead of failing', async () => {
    const workflow = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({
        name: 'Rate limited',
        nodes: [
          { id: 'start', type: 'trigger.manual', config: {} },
          { id: 'call', type: 'action.http', config: { method: 'POST', url: `${receiver.url}/slow-partner`, body: {}, rateLimitPerSecond: 2 } },
        ],
        edges: [{ source: 'start', target: 'call' }],
      })
      .expect(201);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await http().post(`/api/workflows/${workflow.body.id}/execute`).set(...bearer(owner)).send({}).expect(202)).body.executionId);
    const executions = await Promise.all(ids.map((id) => waitForExecution(t, owner.accessToken, id, undefined, 20000)));
    expect(executions.map((e) => [e.status, e.nodeExecutions.find((n) => n.nodeId === 'call')?.error])).toEqual(Array(6).fill(['succeeded', undefined]));
    const times = receiver.requests.map((r) => r.at).sort((a, b) => a - b);
    expect(times).toHaveLength(6);
    expect(times[5] - times[0]).toBeGreaterThanOrEqual(1000);
    const perSecond = new Map<number, number>();
    for (const at of times) perSecond.set(Math.floor(at / 1000), (perSecond.get(Math.floor(at / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(2);
  });

  it('maps the response into the output', async () => {
    receiver.plan({ status: 201, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data: { id: 'ord_1', tier: 'gold' } }) });
    const { execution } = await runAction({ method: 'POST', url: `${receiver.url}/orders`, body: {}, responseMapping: { 'output.orderId': '$.data.id' } });
    expect(nodeOf(execution, 'call').output).toMatchObject({ status: 201, orderId: 'ord_1' });
  });

  it('the circuit opens after 5 failures, fails fast, half-opens after the cooldown and closes on success', async () => {
    const url = `http://127.0.0.1:${receiver.port}/down`;
    receiver.defaultResponse = { status: 500 };
    try {
      for (let i = 0; i < 5; i++) await runAction({ method: 'POST', url, body: {}, retry: { maxAttempts: 1 } });
      const circuits = await http().get('/api/webhook-actions/circuits').set(...bearer(owner)).expect(200);
      expect(circuits.body.items).toContainEqual(expect.objectContaining({ origin: `http://127.0.0.1:${receiver.port}`, state: 'open', consecutiveFailures: 5 }));
      const before = receiver.requests.length;
      const fast = await runAction({ method: 'POST', url, body: {}, retry: { maxAttempts: 1 } });
      expect(nodeOf(fast.execution, 'call').error?.class).toBe('circuit_open');
      expect(receiver.requests.length).toBe(before);
    } finally {
      receiver.defaultResponse = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"received":true}' };
    }
    // Cooldown elapsed: move the circuit's openUntil into the past.
    const redis = t.app.get<Redis>(REDIS_CLIENT);
    await redis.hset(`${t.config.queuePrefix}:circuit:${owner.tenantId}:http://127.0.0.1:${receiver.port}`, 'openUntil', Date.now() - 1);
    const halfOpen = await http().get('/api/webhook-actions/circuits').set(...bearer(owner)).expect(200);
    expect(halfOpen.body.items).toContainEqual(expect.objectContaining({ state: 'half_open' }));
    expect((await runAction({ method: 'POST', url, body: {}, retry: { maxAttempts: 1 } })).execution.status).toBe('succeeded');
    const closed = await http().get('/api/webhook-actions/circuits').set(...bearer(owner)).expect(200);
    expect(closed.body.items).toContainEqual(expect.objectContaining({ origin: `http://127.0.0.1:${receiver.port}`, state: 'closed', consecutiveFailures: 0 }));
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://[::ffff:127.0.0.1]/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://017700000001/',
    'http://127.1/',
    'http://127.0.0.1/',
    'http://localhost/',
    'http://[::1]/',
    'http://0.0.0.0/',
    'http://10.0.0.1/',
    'http://10.255.255.255/',
    'http://172.16.0.1/',
    'http://172.31.255.1/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://100.127.255.254/',
    'http://169.254.0.1/',
    'http://224.0.0.1/',
    'http://239.255.255.250/',
    'http://255.255.255.255/',
    'http://[fd00::1]/',
    'http://[fc00::1]/',
    'http://[fe80::1]/',
    'http://[::]/',
    'http://[ff02::1]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://[::ffff:10.0.0.1]/',
    'http://[64:ff9b::7f00:1]/',
    'http://[2002:7f00:1::]/',
    'http://127.0.0.2/',
  ])('refuses %s as ssrf_blocked before any connection', async (url) => {
    const response = await http().post('/api/webhook-actions/test').set(...bearer(owner)).send({ config: { method: 'GET', url } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ok: false, errorClass: 'ssrf_blocked' });
  });

  it('the test endpoint refuses other ports of the allowed host, other schemes from templates, and reaches the receiver', async () => {
    const otherPort = await http().post('/api/webhook-actions/test').set(...bearer(owner)).send({ config: { method: 'GET', url: `http://127.0.0.1:${receiver.port + 1}/` } });
    expect(otherPort.body).toMatchObject({ ok: false, errorClass: 'ssrf_blocked' });
    const templated = await http().post('/api/webhook-actions/test').set(...bearer(owner)).send({ config: { method: 'GET', url: '{{ trigger.body.u }}' }, context: { trigger: { body: { u: 'file:///etc/passwd' } } } });
    expect(templated.body).toMatchObject({ ok: false, errorClass: 'ssrf_blocked' });
    expect(receiver.requests).toHaveLength(0);
    const ok = await http().post('/api/webhook-actions/test').set(...bearer(owner)).send({ config: { method: 'POST', url: `${receiver.url}/t`, body: { id: '{{ trigger.body.id }}' }, responseMapping: { 'output.got': '$.received' } }, context: { trigger: { body: { id: 9 } } } });
    expect(ok.body).toMatchObject({ ok: true, status: 200, body: { received: true }, mapped: { output: { got: true } } });
    expect(JSON.parse(receiver.requests[0].body)).toEqual({ id: 9 });
    expectProblem(await http().post('/api/webhook-actions/test').set(...bearer(owner)).send({ config: { method: 'GET', url: 'ftp://x' } }), 400, 'invalid_node_config');
  });

  it('secrets never reach responses, execution records, attempt logs or log lines', async () => {
    const rows = (await t.app.get(DataSource).query(`SELECT request_headers::text AS h, url FROM webhook_action_executions WHERE tenant_id = $1`, [owner.tenantId])) as { h: string; url: string }[];
    const everything = [...responses, ...t.logs, ...rows.map((row) => row.h + row.url)].join('\n');
    for (const secret of [BEARER_TOKEN, API_KEY, PASSWORD, Buffer.from(`ana:${PASSWORD}`).toString('base64')]) expect(everything).not.toContain(secret);
  });
});
