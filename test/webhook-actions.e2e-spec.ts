import { Webhook } from 'standardwebhooks';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT } from '../src/platform/redis/redis.module.js';
import { bearer, registerTenant, type RegisteredTenant } from './support/auth-helpers.js';
import { nodeOf, waitForExecution } from './support/execution-helpers.js';
import { freePort } from './support/free-port.js';
import { HttpReceiver } from './support/http-receiver.js';
import { expectProblem } from './support/problem-assertions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const BEARER_TOKEN = 'sk_live_super_secret_bearer_token_0001';
const API_KEY = 'ak_super_secret_api_key_0002';
const PASSWORD = 'super-secret-password-0003';
const FOREIGN_TOKEN = 'sk_live_other_tenants_token_0004';
const CONTEXT_SECRET = 'ctx_secret_value_0005';
const NO_MAPPING = { output: {}, contactFields: {} };

describe('Outbound webhook actions (action.http) against a real local receiver', () => {
  let t: TestApp;
  let owner: RegisteredTenant;
  const receiver = new HttpReceiver();
  /** Answers after 2 s: slower than the timeouts the specs set. */
  const slow = new HttpReceiver();
  /** Allowed by OUTBOUND_ALLOWED_HOSTS, and nothing listens on it. */
  let closedPort: number;
  const responses: string[] = [];
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    await receiver.start();
    await slow.start();
    slow.responseDelayMs = 2000;
    closedPort = await freePort();
    t = await createTestApp({
      OUTBOUND_ALLOWED_HOSTS: [receiver.port, slow.port, closedPort].map((port) => `127.0.0.1:${port}`).join(','),
      QUEUE_PREFIX: `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_outbound`,
    });
    owner = await registerTenant(t, 'Outbound');
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
    await slow.stop();
  });
  beforeEach(() => receiver.reset());

  async function credential(type: string, data: Record<string, string>) {
    const response = await http()
      .post('/api/credentials')
      .set(...bearer(owner))
      .send({ name: `${type} cred`, type, data });
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
    const started = await http()
      .post(`/api/workflows/${workflow.body.id}/execute`)
      .set(...bearer(owner))
      .send({ input })
      .expect(202);
    const execution = await waitForExecution(t, owner.accessToken, started.body.executionId, undefined, 20000);
    responses.push(JSON.stringify(execution));
    return { execution, workflowId: workflow.body.id as string };
  }

  it('credentials are masked in every answer and refused when malformed', async () => {
    const created = await credential('bearer', { token: BEARER_TOKEN });
    expect(created.masked).toEqual({ token: '****0001' });
    const list = await http()
      .get('/api/credentials')
      .set(...bearer(owner))
      .expect(200);
    responses.push(list.text);
    expect(list.text).not.toContain(BEARER_TOKEN);
    expectProblem(
      await http()
        .post('/api/credentials')
        .set(...bearer(owner))
        .send({ name: 'x', type: 'basic', data: { username: 'ana' } }),
      400,
      'invalid_credential_data',
    );
    const signing = await credential('signing', {});
    expect(signing.generatedSecret).toMatch(/^whsec_/);
    await http()
      .delete(`/api/credentials/${created.id}`)
      .set(...bearer(owner))
      .expect(204);
    expectProblem(
      await http()
        .delete(`/api/credentials/${created.id}`)
        .set(...bearer(owner)),
      404,
      'credential_not_found',
    );
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
    const attempts = await http()
      .get(`/api/webhook-actions/executions?workflowId=${binary.workflowId}`)
      .set(...bearer(owner))
      .expect(200);
    expect(attempts.body.items).toEqual([
      expect.objectContaining({ status: 'succeeded', responseExcerpt: 'x\uFFFDy' }),
    ]);
  });

  it('each auth type arrives exactly as configured, and signed requests verify with standardwebhooks', async () => {
    const bearerCred = await credential('bearer', { token: BEARER_TOKEN });
    const basicCred = await credential('basic', { username: 'ana', password: PASSWORD });
    const keyCred = await credential('api_key', { key: API_KEY });
    const signing = await credential('signing', {});
    const url = `${receiver.url}/hook`;
    await runAction({ method: 'POST', url, body: { a: 1 }, auth: { type: 'bearer', credentialId: bearerCred.id } });
    await runAction({ method: 'POST', url, body: { a: 2 }, auth: { type: 'basic', credentialId: basicCred.id } });
    await runAction({
      method: 'POST',
      url,
      body: { a: 3 },
      auth: { type: 'api_key', credentialId: keyCred.id, headerName: 'X-Partner-Key' },
    });
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
    const { execution, workflowId } = await runAction({
      method: 'POST',
      url: `${receiver.url}/flaky`,
      body: { x: 1 },
      retry: { maxAttempts: 3, initialDelayMs: 100 },
    });
    expect(execution.status).toBe('succeeded');
    expect(nodeOf(execution, 'call')).toMatchObject({
      status: 'succeeded',
      attempts: 3,
      output: { status: 200, body: { received: true } },
    });
    expect(receiver.requests).toHaveLength(3);
    expect(receiver.requests[1].at - receiver.requests[0].at).toBeGreaterThanOrEqual(50);
    const log = await http()
      .get(`/api/webhook-actions/executions?workflowId=${workflowId}`)
      .set(...bearer(owner))
      .expect(200);
    expect(
      log.body.items
        .map((i: { attempt: number; httpStatus: number; errorClass: string | null }) => [
          i.attempt,
          i.httpStatus,
          i.errorClass,
        ])
        .sort(),
    ).toEqual([
      [1, 503, 'http_5xx'],
      [2, 503, 'http_5xx'],
      [3, 200, null],
    ]);
    const one = await http()
      .get(`/api/webhook-actions/executions/${log.body.items[0].id}`)
      .set(...bearer(owner))
      .expect(200);
    expectProblem(
      await http()
        .get('/api/webhook-actions/executions/00000000-0000-4000-8000-000000000000')
        .set(...bearer(owner)),
      404,
      'action_execution_not_found',
    );
    expect(one.body).toMatchObject({ method: 'POST', url: `${receiver.url}/flaky`, durationMs: expect.any(Number) });
  });

  it('429 with Retry-After waits that long; a 400 fails at once', async () => {
    receiver.plan({ status: 429, headers: { 'retry-after': '1' } });
    const { execution } = await runAction({
      method: 'POST',
      url: `${receiver.url}/limited`,
      body: {},
      retry: { maxAttempts: 2, initialDelayMs: 10 },
    });
    expect(execution.status).toBe('succeeded');
    expect(receiver.requests[1].at - receiver.requests[0].at).toBeGreaterThanOrEqual(950);

    receiver.reset();
    receiver.plan({ status: 400, body: 'bad' });
    const failed = await runAction({
      method: 'POST',
      url: `${receiver.url}/bad`,
      body: {},
      retry: { maxAttempts: 3, initialDelayMs: 10 },
    });
    expect(failed.execution.status).toBe('failed');
    expect(nodeOf(failed.execution, 'call')).toMatchObject({ attempts: 1, error: { class: 'http_4xx' } });
    expect(receiver.requests).toHaveLength(1);
  });

  it('a merge field cannot change the JSON structure or inject a header', async () => {
    const evil = '"}, "admin": true, "x": {"';
    await runAction(
      {
        method: 'POST',
        url: `${receiver.url}/merge/{{ trigger.body.path }}`,
        headers: { 'X-Name': '{{ trigger.body.header }}' },
        body: { name: '{{ trigger.body.name }}', note: 'Hi {{ trigger.body.name }}' },
      },
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
          {
            id: 'call',
            type: 'action.http',
            config: { method: 'POST', url: `${receiver.url}/slow-partner`, body: {}, rateLimitPerSecond: 2 },
          },
        ],
        edges: [{ source: 'start', target: 'call' }],
      })
      .expect(201);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push(
        (
          await http()
            .post(`/api/workflows/${workflow.body.id}/execute`)
            .set(...bearer(owner))
            .send({})
            .expect(202)
        ).body.executionId,
      );
    const executions = await Promise.all(ids.map((id) => waitForExecution(t, owner.accessToken, id, undefined, 20000)));
    expect(executions.map((e) => [e.status, e.nodeExecutions.find((n) => n.nodeId === 'call')?.error])).toEqual(
      Array(6).fill(['succeeded', undefined]),
    );
    const times = receiver.requests.map((r) => r.at).sort((a, b) => a - b);
    expect(times).toHaveLength(6);
    expect(times[5] - times[0]).toBeGreaterThanOrEqual(1000);
    const perSecond = new Map<number, number>();
    for (const at of times) perSecond.set(Math.floor(at / 1000), (perSecond.get(Math.floor(at / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(2);
  });

  it('maps the response into the output', async () => {
    receiver.plan({
      status: 201,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { id: 'ord_1', tier: 'gold' } }),
    });
    const { execution } = await runAction({
      method: 'POST',
      url: `${receiver.url}/orders`,
      body: {},
      responseMapping: { 'output.orderId': '$.data.id' },
    });
    expect(nodeOf(execution, 'call').output).toMatchObject({ status: 201, orderId: 'ord_1' });
  });

  it('the circuit opens after 5 failures, fails fast, half-opens after the cooldown and closes on success', async () => {
    const url = `http://127.0.0.1:${receiver.port}/down`;
    receiver.defaultResponse = { status: 500 };
    try {
      for (let i = 0; i < 5; i++) await runAction({ method: 'POST', url, body: {}, retry: { maxAttempts: 1 } });
      const circuits = await http()
        .get('/api/webhook-actions/circuits')
        .set(...bearer(owner))
        .expect(200);
      expect(circuits.body.items).toContainEqual(
        expect.objectContaining({ origin: `http://127.0.0.1:${receiver.port}`, state: 'open', consecutiveFailures: 5 }),
      );
      const before = receiver.requests.length;
      const fast = await runAction({ method: 'POST', url, body: {}, retry: { maxAttempts: 1 } });
      expect(nodeOf(fast.execution, 'call').error?.class).toBe('circuit_open');
      expect(receiver.requests.length).toBe(before);
    } finally {
      receiver.defaultResponse = {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"received":true}',
      };
    }
    // Cooldown elapsed: move the circuit's openUntil into the past.
    const redis = t.app.get<Redis>(REDIS_CLIENT);
    await redis.hset(
      `${t.config.queuePrefix}:circuit:${owner.tenantId}:http://127.0.0.1:${receiver.port}`,
      'openUntil',
      Date.now() - 1,
    );
    const halfOpen = await http()
      .get('/api/webhook-actions/circuits')
      .set(...bearer(owner))
      .expect(200);
    expect(halfOpen.body.items).toContainEqual(expect.objectContaining({ state: 'half_open' }));
    expect((await runAction({ method: 'POST', url, body: {}, retry: { maxAttempts: 1 } })).execution.status).toBe(
      'succeeded',
    );
    const closed = await http()
      .get('/api/webhook-actions/circuits')
      .set(...bearer(owner))
      .expect(200);
    expect(closed.body.items).toContainEqual(
      expect.objectContaining({ origin: `http://127.0.0.1:${receiver.port}`, state: 'closed', consecutiveFailures: 0 }),
    );
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
    const response = await http()
      .post('/api/webhook-actions/test')
      .set(...bearer(owner))
      .send({ config: { method: 'GET', url } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ok: false, errorClass: 'ssrf_blocked' });
  });

  it('the test endpoint refuses other ports of the allowed host, other schemes from templates, and reaches the receiver', async () => {
    const otherPort = await http()
      .post('/api/webhook-actions/test')
      .set(...bearer(owner))
      .send({ config: { method: 'GET', url: `http://127.0.0.1:${receiver.port + 1}/` } });
    expect(otherPort.body).toMatchObject({ ok: false, errorClass: 'ssrf_blocked' });
    const templated = await http()
      .post('/api/webhook-actions/test')
      .set(...bearer(owner))
      .send({
        config: { method: 'GET', url: '{{ trigger.body.u }}' },
        context: { trigger: { body: { u: 'file:///etc/passwd' } } },
      });
    expect(templated.body).toMatchObject({ ok: false, errorClass: 'ssrf_blocked' });
    expect(receiver.requests).toHaveLength(0);
    const ok = await http()
      .post('/api/webhook-actions/test')
      .set(...bearer(owner))
      .send({
        config: {
          method: 'POST',
          url: `${receiver.url}/t`,
          body: { id: '{{ trigger.body.id }}' },
          responseMapping: { 'output.got': '$.received' },
        },
        context: { trigger: { body: { id: 9 } } },
      });
    expect(ok.body).toMatchObject({
      ok: true,
      status: 200,
      body: { received: true },
      mapped: { output: { got: true } },
    });
    expect(JSON.parse(receiver.requests[0].body)).toEqual({ id: 9 });
  });

  describe('POST /api/webhook-actions/test answers 200 describing every failure of the call', () => {
    let foreignCredentialId: string;
    let foreignSigningId: string;

    beforeAll(async () => {
      const other = await registerTenant(t, 'Other');
      const created = await http()
        .post('/api/credentials')
        .set(...bearer(other))
        .send({ name: 'theirs', type: 'bearer', data: { token: FOREIGN_TOKEN } })
        .expect(201);
      foreignCredentialId = created.body.id;
      const signing = await http()
        .post('/api/credentials')
        .set(...bearer(other))
        .send({ name: 'their signing', type: 'signing', data: {} })
        .expect(201);
      foreignSigningId = signing.body.id;
    });

    type Case = () => { config: Record<string, unknown>; context?: Record<string, unknown> };
    const post =
      (body: object): Case =>
      () => ({ config: { method: 'POST', url: `${receiver.url}/t`, ...body } });
    const withHeader = (name: string, value: string): Case => post({ headers: { 'X-Ok': '1', [name]: value } });

    it.each<[string, Case, string, RegExp]>([
      [
        'a template syntax error',
        post({ body: { id: '{{ ( }}' } }),
        'expression_error',
        /Syntax error in \{\{ \( \}\}/,
      ],
      ['an unclosed template', post({ headers: { 'X-Id': '{{ trigger.body.id' } }), 'expression_error', /never closed/],
      [
        'a template runtime error',
        () => ({
          config: { method: 'POST', url: `${receiver.url}/t`, body: { n: '{{ $number(trigger.body.s) }}' } },
          context: { trigger: { body: { s: CONTEXT_SECRET } } },
        }),
        'expression_error',
        /Evaluation error in .*Unable to cast value to a number/,
      ],
      [
        'a template over its time budget',
        post({ body: { n: '{{ $sum([1..1000].($sum([1..1000]))) }}' } }),
        'expression_error',
        /timed out/,
      ],
      [
        'an unknown credential',
        post({ auth: { type: 'bearer', credentialId: '6f1c1b8f-2a10-4e2d-9c1b-0a9f8e7d6c5b' } }),
        'invalid_config',
        /Credential 6f1c1b8f-2a10-4e2d-9c1b-0a9f8e7d6c5b of type bearer not found/,
      ],
      [
        "another tenant's credential",
        () => post({ auth: { type: 'bearer', credentialId: foreignCredentialId } })(),
        'invalid_config',
        /of type bearer not found/,
      ],
      [
        "another tenant's signing credential",
        () => post({ signing: { credentialId: foreignSigningId } })(),
        'invalid_config',
        /Signing credential .* not found/,
      ],
      [
        'Transfer-Encoding',
        withHeader('Transfer-Encoding', 'chunked'),
        'invalid_header',
        /config\.headers\.Transfer-Encoding cannot be set/,
      ],
      ['Expect', withHeader('Expect', '100-continue'), 'invalid_header', /config\.headers\.Expect cannot be set/],
      ['Upgrade', withHeader('Upgrade', 'websocket'), 'invalid_header', /config\.headers\.Upgrade cannot be set/],
      ['Connection', withHeader('Connection', 'close'), 'invalid_header', /config\.headers\.Connection cannot be set/],
      [
        'Keep-Alive',
        withHeader('Keep-Alive', 'timeout=5'),
        'invalid_header',
        /config\.headers\.Keep-Alive cannot be set/,
      ],
      [
        'a short Content-Length',
        withHeader('Content-Length', '1'),
        'invalid_header',
        /config\.headers\.Content-Length cannot be set/,
      ],
      ['Host', withHeader('Host', 'internal.example'), 'invalid_header', /config\.headers\.Host cannot be set/],
      [
        'a header name that is not a token',
        withHeader('X Name', 'a'),
        'invalid_header',
        /config\.headers\.X Name is not a valid key/,
      ],
      [
        'a literal CR/LF in a header value',
        withHeader('X-Note', 'a\r\nX-Evil: 1'),
        'invalid_header',
        /config\.headers\.X-Note contains CR or LF/,
      ],
      [
        'an api_key header the client manages',
        () => post({ auth: { type: 'api_key', credentialId: foreignCredentialId, headerName: 'Transfer-Encoding' } })(),
        'invalid_header',
        /config\.auth\.headerName cannot be set/,
      ],
      [
        'a templated header value outside Latin-1',
        () => ({
          config: { method: 'POST', url: `${receiver.url}/t`, headers: { 'X-Name': 'Hi {{ trigger.body.name }}' } },
          context: { trigger: { body: { name: `Zoë 🎉 ${CONTEXT_SECRET}` } } },
        }),
        'invalid_header',
        /header "x-name" contains a character outside Latin-1/,
      ],
      ['an SSRF-blocked URL', post({ url: 'http://10.0.0.1/hook' }), 'ssrf_blocked', /not allowed/],
      [
        'a literal URL that is not http(s)',
        post({ url: 'ftp://example.com/x' }),
        'invalid_config',
        /config\.url must be an absolute http\(s\) URL/,
      ],
      [
        'connection refused',
        () => post({ url: `http://127.0.0.1:${closedPort}/hook` })(),
        'connection_refused',
        /connection to http:\/\/127\.0\.0\.1:\d+ failed/,
      ],
      ['a timeout', () => post({ url: `${slow.url}/slow`, timeoutMs: 200 })(), 'timeout', /timed out/],
      [
        'a response mapping target that is not output or contact.fields',
        post({ responseMapping: { 'trigger.body.x': '$.a' } }),
        'invalid_config',
        /config\.responseMapping\.trigger\.body\.x is not a valid key/,
      ],
      [
        'a response mapping path that is not a path',
        post({ responseMapping: { 'output.id': 'data.id' } }),
        'invalid_config',
        /config\.responseMapping\.output\.id must be a path into the response/,
      ],
      ['an invalid option', post({ timeoutMs: 0 }), 'invalid_config', /config\.timeoutMs must be >= 1/],
    ])('%s', async (_case, build, errorClass, error) => {
      const response = await http()
        .post('/api/webhook-actions/test')
        .set(...bearer(owner))
        .send(build());
      responses.push(response.text);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        ok: false,
        errorClass,
        error: expect.stringMatching(error),
        durationMs: expect.any(Number),
        mapped: NO_MAPPING,
      });
      for (const secret of [FOREIGN_TOKEN, CONTEXT_SECRET]) expect(response.text).not.toContain(secret);
      expect(receiver.requests).toHaveLength(0);
    });

    it("an unknown credential and another tenant's answer alike", async () => {
      const answer = async (credentialId: string) =>
        (
          await http()
            .post('/api/webhook-actions/test')
            .set(...bearer(owner))
            .send({ config: { method: 'GET', url: `${receiver.url}/t`, auth: { type: 'bearer', credentialId } } })
        ).body as { error: string };
      const unknown = '6f1c1b8f-2a10-4e2d-9c1b-0a9f8e7d6c5b';
      expect((await answer(foreignCredentialId)).error.replace(foreignCredentialId, 'ID')).toBe(
        (await answer(unknown)).error.replace(unknown, 'ID'),
      );
    });

    it.each<[string, unknown]>([
      ['no config', {}],
      ['a config that is not an object', { config: 'GET http://x' }],
      ['a context that is not an object', { config: { method: 'GET', url: 'https://example.com' }, context: [1] }],
      ['an unknown property', { config: { method: 'GET', url: 'https://example.com' }, dryRun: true }],
    ])('a body that is not a test request (%s) stays 400', async (_case, body) => {
      expectProblem(
        await http()
          .post('/api/webhook-actions/test')
          .set(...bearer(owner))
          .send(body as object),
        400,
      );
    });
  });

  describe('headers the HTTP client cannot send', () => {
    const workflowWith = (config: Record<string, unknown>) => ({
      name: 'Headers',
      nodes: [
        { id: 'start', type: 'trigger.manual', config: {} },
        { id: 'call', type: 'action.http', config: { method: 'POST', url: `${receiver.url}/h`, ...config } },
      ],
      edges: [{ source: 'start', target: 'call' }],
    });

    it.each<[string, Record<string, unknown>, string]>([
      [
        'Transfer-Encoding',
        { headers: { 'Transfer-Encoding': 'chunked' } },
        'config.headers.Transfer-Encoding cannot be set: the HTTP client computes it from the body',
      ],
      [
        'Content-Length',
        { headers: { 'Content-Length': '1' } },
        'config.headers.Content-Length cannot be set: the HTTP client computes it from the body',
      ],
      [
        'Host',
        { headers: { host: 'internal.example' } },
        'config.headers.host cannot be set: the HTTP client takes it from the URL',
      ],
      [
        'Connection',
        { headers: { Connection: 'close' } },
        'config.headers.Connection cannot be set: the HTTP client manages its connections',
      ],
      [
        'Keep-Alive',
        { headers: { 'Keep-Alive': 'timeout=5' } },
        'config.headers.Keep-Alive cannot be set: the HTTP client manages its connections',
      ],
      [
        'Upgrade',
        { headers: { Upgrade: 'h2c' } },
        'config.headers.Upgrade cannot be set: the HTTP client does not switch protocols',
      ],
      [
        'Expect',
        { headers: { Expect: '100-continue' } },
        'config.headers.Expect cannot be set: the HTTP client does not support Expect: 100-continue',
      ],
      [
        'a name that is not a token',
        { headers: { 'X Name': 'a' } },
        'config.headers.X Name is not a valid key: must be a valid HTTP header name',
      ],
      [
        'a name with CR/LF',
        { headers: { 'X-A\r\nX-Evil': 'a' } },
        'config.headers.X-A\r\nX-Evil is not a valid key: must be a valid HTTP header name',
      ],
      [
        'a value with a literal CR/LF',
        { headers: { 'X-Note': 'a\r\nX-Evil: 1' } },
        'config.headers.X-Note contains CR or LF, which cannot be sent in a header',
      ],
      [
        'a value with a literal control character',
        { headers: { 'X-Note': 'a\u0007b' } },
        'config.headers.X-Note contains a control character',
      ],
      [
        'a value with literal text outside Latin-1',
        { headers: { 'X-Note': '🎉 {{ trigger.body.x }}' } },
        'config.headers.X-Note contains a character outside Latin-1',
      ],
      [
        'an api_key auth header',
        {
          auth: {
            type: 'api_key',
            credentialId: '6f1c1b8f-2a10-4e2d-9c1b-0a9f8e7d6c5b',
            headerName: 'Transfer-Encoding',
          },
        },
        'config.auth.headerName cannot be set',
      ],
    ])('are refused when a workflow is saved: %s', async (_case, config, detail) => {
      const response = await http()
        .post('/api/workflows')
        .set(...bearer(owner))
        .send(workflowWith(config));
      expectProblem(response, 400, 'invalid_node_config');
      expect(response.body.detail).toContain(`node "call": ${detail}`);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: expect.stringContaining('nodes[1].config.') }),
      ]);
    });

    it('are refused when a workflow is updated', async () => {
      const created = await http()
        .post('/api/workflows')
        .set(...bearer(owner))
        .send(workflowWith({ headers: { 'X-Ok': 'yes' } }))
        .expect(201);
      const response = await http()
        .put(`/api/workflows/${created.body.id}`)
        .set(...bearer(owner))
        .send({ nodes: workflowWith({ headers: { Expect: '100-continue' } }).nodes });
      expectProblem(response, 400, 'invalid_node_config');
      expect(response.body.detail).toContain('config.headers.Expect cannot be set');
    });

    it('fail the node with invalid_header, at once and without a call, when a template puts text outside Latin-1 in one', async () => {
      const config = {
        method: 'POST',
        url: `${receiver.url}/greet`,
        headers: { 'X-Greeting': 'Hi {{ trigger.body.name }}' },
        body: {},
        retry: { maxAttempts: 3, initialDelayMs: 10 },
      };
      const fine = await runAction(config, { name: 'Zoë' });
      expect(fine.execution.status).toBe('succeeded');
      expect(receiver.requests[0].headers['x-greeting']).toBe('Hi Zoë');

      receiver.reset();
      const { execution, workflowId } = await runAction(config, { name: `Zoë 🎉 ${CONTEXT_SECRET}` });
      expect(execution.status).toBe('failed');
      expect(nodeOf(execution, 'call')).toMatchObject({
        status: 'failed',
        attempts: 1,
        error: {
          class: 'invalid_header',
          message:
            'header "x-greeting" contains a character outside Latin-1 (like an emoji), which cannot be sent in a header; put it in the body or encode it',
        },
      });
      expect(receiver.requests).toHaveLength(0);
      const attempts = await http()
        .get(`/api/webhook-actions/executions?workflowId=${workflowId}`)
        .set(...bearer(owner))
        .expect(200);
      expect(attempts.body.items).toEqual([
        expect.objectContaining({ status: 'failed', errorClass: 'invalid_header', httpStatus: null }),
      ]);
    });
  });

  it('secrets never reach responses, execution records, attempt logs or log lines', async () => {
    const rows = (await t.app
      .get(DataSource)
      .query(`SELECT request_headers::text AS h, url FROM webhook_action_executions WHERE tenant_id = $1`, [
        owner.tenantId,
      ])) as { h: string; url: string }[];
    const everything = [...responses, ...t.logs, ...rows.map((row) => row.h + row.url)].join('\n');
    for (const secret of [
      BEARER_TOKEN,
      API_KEY,
      PASSWORD,
      Buffer.from(`ana:${PASSWORD}`).toString('base64'),
      FOREIGN_TOKEN,
    ])
      expect(everything).not.toContain(secret);
  });
});
