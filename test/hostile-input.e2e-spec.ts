import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { MAX_JSON_DEPTH } from '../src/platform/json/json-depth.js';
import { bearer, randomIp, registerTenant, type RegisteredTenant } from './support/auth-helpers.js';
import { nodeOf, waitForExecution } from './support/execution-helpers.js';
import { HttpReceiver } from './support/http-receiver.js';
import { expectProblem } from './support/problem-assertions.js';
import { hexSignature } from './support/signing.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';
import { workflowBody } from './support/workflow-fixtures.js';

const NUL = 'before\u0000after';
const LONE_SURROGATE = 'before\ud800after';
const APP_SECRET = 'instagram-app-secret-for-hostile-input';
/** 10,000 levels of nesting, about 60 KB: what used to be accepted and poison the worker. */
const DEEP_JSON = '{"a":'.repeat(5_000) + '['.repeat(5_000) + '1' + ']'.repeat(5_000) + '}'.repeat(5_000);
const DEPTH_LIMIT = new RegExp(`nest(s|ed|ing)? deeper than ${MAX_JSON_DEPTH}`);
const FORBIDDEN_PROPERTY = /forbidden property name \(__proto__ or constructor\.prototype\)/;

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** Writes bytes no HTTP client library would send (an invalid Content-Length) and reads the answer. */
async function rawHttp(server: Server, text: string): Promise<RawAnswer> {
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
  const [head, body] = answer.split('\r\n\r\n');
  const [statusLine, ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => [
      line.slice(0, line.indexOf(':')).toLowerCase(),
      line.slice(line.indexOf(':') + 1).trim(),
    ]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) as Record<string, unknown> };
}

describe('Hostile input: 400 problem details at the edge, never a 500', () => {
  let t: TestApp;
  let owner: RegisteredTenant;
  let manualWorkflowId: string;
  let webhookWorkflowId: string;
  let channelId: string;
  let updatableWebhookId: string;
  const receiver = new HttpReceiver();
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    await receiver.start();
    t = await createTestApp({ OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' });
    owner = await registerTenant(t, 'Hostile');
    manualWorkflowId = (
      await http()
        .post('/api/workflows')
        .set(...bearer(owner))
        .send(workflowBody('Manual'))
        .expect(201)
    ).body.id;
    const webhookFlow = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({
        name: 'Inbound data',
        nodes: [
          { id: 'inbound', type: 'trigger.webhook', config: {} },
          { id: 'shape', type: 'transform', config: { set: { order: '{{ trigger.body.order }}' } } },
        ],
        edges: [{ source: 'inbound', target: 'shape' }],
      })
      .expect(201);
    webhookWorkflowId = webhookFlow.body.id;
    await http()
      .post(`/api/workflows/${webhookWorkflowId}/publish`)
      .set(...bearer(owner))
      .expect(200);
    channelId = (
      await http()
        .post('/api/channels')
        .set(...bearer(owner))
        .send({ provider: 'instagram', name: 'IG', credentials: { appSecret: APP_SECRET } })
        .expect(201)
    ).body.id;
    const channelFlow = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({
        name: 'Channel data',
        nodes: [
          { id: 'dm', type: 'trigger.channel', config: { channelId, event: 'message' } },
          { id: 'shape', type: 'transform', config: { set: { order: '{{ trigger.body.order }}' } } },
        ],
        edges: [{ source: 'dm', target: 'shape' }],
      })
      .expect(201);
    await http()
      .post(`/api/workflows/${channelFlow.body.id}/publish`)
      .set(...bearer(owner))
      .expect(200);
    updatableWebhookId = (await createWebhook()).id;
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  async function createWebhook(): Promise<{ id: string; authToken: string }> {
    return (
      await http()
        .post('/api/webhooks')
        .set(...bearer(owner))
        .send({ name: 'Inbound', workflowId: webhookWorkflowId, nodeId: 'inbound', provider: 'generic' })
        .expect(201)
    ).body;
  }

  const api = {
    post: (path: string, body: unknown) =>
      http()
        .post(path)
        .set(...bearer(owner))
        .send(body as object),
    put: (path: string, body: unknown) =>
      http()
        .put(path)
        .set(...bearer(owner))
        .send(body as object),
    get: (path: string) =>
      http()
        .get(path)
        .set(...bearer(owner)),
    postJson: (path: string, text: string) =>
      http()
        .post(path)
        .set(...bearer(owner))
        .set('Content-Type', 'application/json')
        .send(text),
    putJson: (path: string, text: string) =>
      http()
        .put(path)
        .set(...bearer(owner))
        .set('Content-Type', 'application/json')
        .send(text),
  };
  const register = (tenantName: string) =>
    http()
      .post('/api/auth/register')
      .set('X-Forwarded-For', randomIp())
      .send({ tenantName, email: `hostile-${randomUUID()}@example.com`, password: 'long-enough-password' });
  const transformWith = (set: Record<string, unknown>) => ({
    name: 'Transforms',
    nodes: [
      { id: 'start', type: 'trigger.manual', config: {} },
      { id: 'shape', type: 'transform', config: { set } },
    ],
    edges: [{ source: 'start', target: 'shape' }],
  });
  const deepWorkflow = () =>
    `{"name":"Deep","nodes":[{"id":"start","type":"trigger.manual","config":{"deep":${DEEP_JSON}}}],"edges":[]}`;

  /** [what, request, what the detail must name] */
  const cases: [string, () => Promise<Response>, RegExp][] = [
    // JSON nesting at every /api entry (public ingress below, with "nothing stored")
    ['a 10,000-deep POST /api/workflows body', () => api.postJson('/api/workflows', deepWorkflow()), DEPTH_LIMIT],
    [
      'a 10,000-deep PUT /api/workflows/:id body',
      () =>
        http()
          .put(`/api/workflows/${manualWorkflowId}`)
          .set(...bearer(owner))
          .set('Content-Type', 'application/json')
          .send(deepWorkflow()),
      DEPTH_LIMIT,
    ],
    [
      'a 10,000-deep execute input',
      () => api.postJson(`/api/workflows/${manualWorkflowId}/execute`, `{"input":${DEEP_JSON}}`),
      DEPTH_LIMIT,
    ],
    [
      'a 10,000-deep test-action context',
      () =>
        api.postJson(
          '/api/webhook-actions/test',
          `{"config":{"method":"POST","url":"http://127.0.0.1:${receiver.port}/"},"context":${DEEP_JSON}}`,
        ),
      DEPTH_LIMIT,
    ],
    [
      'a 65-deep body (one past the limit)',
      () =>
        api.postJson(
          '/api/workflows',
          `{"name":"Deep","nodes":[],"edges":[],"x":${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`,
        ),
      DEPTH_LIMIT,
    ],
    // Text PostgreSQL cannot store, in every kind of field
    ['NUL in register.tenantName', () => register(NUL), /\btenantName\b/],
    ['a lone surrogate in register.tenantName', () => register(LONE_SURROGATE), /\btenantName\b/],
    ['NUL in a workflow name', () => api.post('/api/workflows', workflowBody(NUL)), /\bname\b/],
    ['a lone surrogate in a workflow name', () => api.post('/api/workflows', workflowBody(LONE_SURROGATE)), /\bname\b/],
    [
      'a lone low surrogate in a workflow description',
      () => api.post('/api/workflows', { ...workflowBody(), description: 'x\udc00' }),
      /\bdescription\b/,
    ],
    [
      'NUL in a workflow tag',
      () => api.post('/api/workflows', { ...workflowBody(), tags: ['ok', NUL] }),
      /\btags\.1\b/,
    ],
    [
      'NUL in a transform config value',
      () => api.post('/api/workflows', transformWith({ 'result.value': NUL })),
      /nodes\.1\.config\.set\.result\.value/,
    ],
    [
      'a lone surrogate in a transform config key',
      () => api.post('/api/workflows', transformWith({ [LONE_SURROGATE]: 'x' })),
      /nodes\.1\.config\.set/,
    ],
    ['NUL in a workflow name on PUT', () => api.put(`/api/workflows/${manualWorkflowId}`, { name: NUL }), /\bname\b/],
    [
      'NUL in execute input',
      () => api.post(`/api/workflows/${manualWorkflowId}/execute`, { input: { note: NUL } }),
      /input\.note/,
    ],
    [
      'NUL in a credential name',
      () => api.post('/api/credentials', { name: NUL, type: 'bearer', data: { token: 'abc' } }),
      /\bname\b/,
    ],
    [
      'a lone surrogate in credential data',
      () => api.post('/api/credentials', { name: 'CRM', type: 'bearer', data: { token: LONE_SURROGATE } }),
      /data\.token/,
    ],
    [
      'NUL in a channel name',
      () => api.post('/api/channels', { provider: 'instagram', name: NUL, credentials: { appSecret: 's' } }),
      /\bname\b/,
    ],
    [
      'NUL in channel credentials on PUT',
      () => api.put(`/api/channels/${channelId}`, { credentials: { appSecret: NUL } }),
      /credentials\.appSecret/,
    ],
    [
      'NUL in a webhook name',
      () =>
        api.post('/api/webhooks', { name: NUL, workflowId: webhookWorkflowId, nodeId: 'inbound', provider: 'generic' }),
      /\bname\b/,
    ],
    [
      'NUL in a webhook config',
      () =>
        api.post('/api/webhooks', {
          name: 'W',
          workflowId: webhookWorkflowId,
          nodeId: 'inbound',
          provider: 'generic',
          config: { headers: { 'X-Source': NUL } },
        }),
      /config\.headers\.X-Source/,
    ],
    ['NUL in an API key name', () => api.post('/api/api-keys', { name: NUL, role: 'viewer' }), /\bname\b/],
    [
      'NUL in the test-action config',
      () =>
        api.post('/api/webhook-actions/test', {
          config: { method: 'POST', url: `http://127.0.0.1:${receiver.port}/${NUL}` },
        }),
      /config\.url/,
    ],
    ['NUL in the workflows search filter', () => api.get('/api/workflows?search=a%00b'), /\bsearch\b/],
    ['NUL in the workflows tag filter', () => api.get('/api/workflows?tag=a%00b'), /\btag\b/],
    ['NUL in the contacts search filter', () => api.get('/api/contacts?search=a%00b'), /\bsearch\b/],
    ['NUL in the events type filter', () => api.get('/api/events?type=a%00b'), /\btype\b/],
    ['NUL in the webhooks nodeId filter', () => api.get('/api/webhooks?nodeId=a%00b'), /\bnodeId\b/],
    [
      'NUL in the nodeId of a node-executions path',
      () => api.get(`/api/workflows/${manualWorkflowId}/nodes/a%00b/executions`),
      /\bnodeId\b/,
    ],
    // Numbers beyond what the query can take
    ['page=99999999999999999999 on workflows', () => api.get('/api/workflows?page=99999999999999999999'), /\bpage\b/],
    ['page=99999999999999999999 on contacts', () => api.get('/api/contacts?page=99999999999999999999'), /\bpage\b/],
    [
      'page=99999999999999999999 on executions',
      () => api.get(`/api/workflows/${manualWorkflowId}/executions?page=99999999999999999999`),
      /\bpage\b/,
    ],
    [
      'afterSequence=9223372036854775808',
      () => api.get('/api/events?afterSequence=9223372036854775808'),
      /\bafterSequence\b/,
    ],
    [
      'an ISO week date PostgreSQL cannot read as dateFrom (executions)',
      () => api.get(`/api/workflows/${manualWorkflowId}/executions?dateFrom=2026-W01-1`),
      /\bdateFrom\b/,
    ],
    [
      'a date-time without minutes as dateTo (analytics)',
      () => api.get('/api/analytics/workflows?dateTo=2026-11-30T10'),
      /\bdateTo\b/,
    ],
    [
      'a year-month as dateFrom (webhook analytics)',
      () => api.get('/api/analytics/webhooks?dateFrom=2026-11'),
      /\bdateFrom\b/,
    ],
    [
      'a version path parameter past int4',
      () => api.get(`/api/workflows/${manualWorkflowId}/versions/2147483648`),
      /\bversion\b/,
    ],
    [
      'a 20-digit version to revert to',
      () => api.post(`/api/workflows/${manualWorkflowId}/versions/99999999999999999999/revert`, {}),
      /\bversion\b/,
    ],
    [
      'a workflow version past int4',
      () => api.put(`/api/workflows/${manualWorkflowId}`, { name: 'x', version: 1e20 }),
      /\bversion\b/,
    ],
    // Bodies that are not what the DTO describes
    ['a JSON null execute body', () => api.postJson(`/api/workflows/${manualWorkflowId}/execute`, 'null'), /\bbody\b/],
    ['a JSON null channel update', () => api.putJson(`/api/channels/${channelId}`, 'null'), /\bbody\b/],
    ['a JSON null webhook update', () => api.putJson(`/api/webhooks/${updatableWebhookId}`, 'null'), /\bbody\b/],
    [
      'a webhook retryPolicy that is an array',
      () => api.put(`/api/webhooks/${updatableWebhookId}`, { config: { retryPolicy: [1] } }),
      /\bretryPolicy\b/,
    ],
    [
      'a null retryPolicy.maxAttempts',
      () =>
        api.post('/api/webhooks', {
          name: 'x',
          workflowId: webhookWorkflowId,
          nodeId: 'inbound',
          provider: 'generic',
          config: { retryPolicy: { maxAttempts: null } },
        }),
      /\bmaxAttempts\b/,
    ],
    // Prototype poisoning on /api: refused for what it is
    [
      'constructor.prototype in an /api body',
      () =>
        api.postJson(
          '/api/workflows',
          '{"name":"x","nodes":[],"edges":[],"constructor":{"prototype":{"polluted":true}}}',
        ),
      FORBIDDEN_PROPERTY,
    ],
    [
      '__proto__ in an /api body',
      () => api.postJson('/api/credentials', '{"name":"x","type":"bearer","data":{"__proto__":{"polluted":true}}}'),
      FORBIDDEN_PROPERTY,
    ],
    [
      'an escaped \\u005f_proto__ in an /api body',
      () =>
        api.postJson('/api/credentials', '{"name":"x","type":"bearer","data":{"\\u005f_proto__":{"polluted":true}}}'),
      FORBIDDEN_PROPERTY,
    ],
    // Paths Fastify cannot decode
    ['a path with bad percent-encoding', () => api.get('/api/workflows/%E0%A4%A'), /percent-encod/],
  ];

  it.each(cases)('%s answers 400 problem details naming it', async (_what, send, names) => {
    const response = await send();
    expectProblem(response, 400);
    expect(response.body.detail).toMatch(names);
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('nothing was stored by the refused requests', async () => {
    const workflows = await api.get('/api/workflows?limit=100').expect(200);
    expect(workflows.body.items.map((w: { name: string }) => w.name).sort()).toEqual([
      'Channel data',
      'Inbound data',
      'Manual',
    ]);
    expect((await api.get(`/api/workflows/${manualWorkflowId}`).expect(200)).body.name).toBe('Manual');
    expect((await api.get(`/api/workflows/${manualWorkflowId}/executions`).expect(200)).body.total).toBe(0);
    expect((await api.get('/api/credentials').expect(200)).body.total).toBe(0);
    const webhooks = (await api.get('/api/webhooks').expect(200)).body.items as { id: string; config: unknown }[];
    expect(webhooks).toEqual([expect.objectContaining({ id: updatableWebhookId, config: {} })]);
    expect((await api.get('/api/channels').expect(200)).body.items.map((c: { name: string }) => c.name)).toEqual([
      'IG',
    ]);
    expect(receiver.requests).toHaveLength(0);
  });

  describe('JSON nesting at public ingress: 400 before anything is stored', () => {
    it('a provider webhook refuses a 10,000-deep body; its events list stays empty', async () => {
      const webhook = await createWebhook();
      const response = await http()
        .post(`/webhooks/${webhook.id}`)
        .set('X-Webhook-Token', webhook.authToken)
        .set('Content-Type', 'application/json')
        .send(DEEP_JSON);
      expectProblem(response, 400, 'json_too_deep');
      expect(response.body.detail).toMatch(DEPTH_LIMIT);
      expect(response.body.instance).toBe(`/webhooks/${webhook.id}`);
      const events = await api.get(`/api/webhooks/${webhook.id}/events`).expect(200);
      expect(events.body.items).toEqual([]);
    });

    it('channel ingress refuses a 10,000-deep body, signed or not; no channel event is stored', async () => {
      const response = await http()
        .post(`/webhooks/${channelId}/instagram/message`)
        .set('Content-Type', 'application/json')
        .set('X-Hub-Signature-256', hexSignature(APP_SECRET, DEEP_JSON))
        .send(DEEP_JSON);
      expectProblem(response, 400, 'json_too_deep');
      expect(response.body.detail).toMatch(DEPTH_LIMIT);
      const rows = await t.app
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM channel_events WHERE channel_id = $1', [channelId]);
      expect(rows[0].n).toBe(0);
    });

    it('the workflow trigger route refuses it too', async () => {
      const response = await http()
        .post(`/webhook/workflow/trigger/${webhookWorkflowId}`)
        .set('Content-Type', 'application/json')
        .send(DEEP_JSON);
      expectProblem(response, 400, 'json_too_deep');
    });
  });

  describe('errors Fastify and Node answer before Nest are problem details with X-Request-Id', () => {
    it('414: a path segment longer than the router takes', async () => {
      const response = await http()
        .get(`/api/workflows/${'a'.repeat(500)}`)
        .set('X-Request-Id', 'too-long-path-1');
      expectProblem(response, 414, 'uri_too_long');
      expect(response.headers['x-request-id']).toBe('too-long-path-1');
      expect(response.body.detail).toMatch(/path segment/);
    });

    it('the longest legitimate segment, a resume id of a 64-character node id, is routed (404 here, not 414)', async () => {
      const resumeId = `webhook_${randomUUID()}_${'n'.repeat(64)}_${'a'.repeat(32)}`;
      expect(resumeId).toHaveLength(142);
      expectProblem(await http().get(`/webhook/workflow/resume/${resumeId}`), 404);
    });

    it('414 on public ingress too', async () => {
      const response = await http()
        .post(`/webhooks/${'w'.repeat(300)}`)
        .send({ a: 1 });
      expectProblem(response, 414, 'uri_too_long');
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('431: headers over 16 KB', async () => {
      const response = await http()
        .get('/health')
        .set('X-Padding', 'x'.repeat(20 * 1024));
      expectProblem(response, 431, 'request_header_fields_too_large');
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body.instance).toBe(`urn:uuid:${response.headers['x-request-id']}`);
    });

    it('400: an invalid Content-Length', async () => {
      const answer = await rawHttp(
        t.app.getHttpServer(),
        'POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 12abc\r\n\r\n{}',
      );
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.body).toEqual({
        type: 'urn:flowhook:problem:invalid_input',
        title: 'Bad Request',
        status: 400,
        detail: expect.stringMatching(/Content-Length/),
        instance: `urn:uuid:${answer.headers['x-request-id']}`,
      });
    });

    it('a public path that is not valid percent-encoding is not found (404), as a malformed public id is', async () => {
      for (const path of ['/webhooks/%ED%A0%80/status', '/webhook/workflow/resume/%ED%A0%80']) {
        const response = path.startsWith('/webhooks') ? await http().get(path) : await http().post(path).send({});
        expectProblem(response, 404, 'not_found');
        expect(response.headers['x-request-id']).toEqual(expect.any(String));
      }
    });

    it('the OpenAPI document lists 414 and 431 as problem details on every operation', async () => {
      const spec = (await http().get('/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
      };
      const operations = Object.values(spec.paths).flatMap((methods) => Object.values(methods));
      expect(operations.length).toBeGreaterThan(20);
      for (const operation of operations) {
        expect(operation.responses['414']?.content).toHaveProperty(['application/problem+json']);
        expect(operation.responses['431']?.content).toHaveProperty(['application/problem+json']);
      }
    });

    it('the OpenAPI document lists 413 and 415 on every operation that takes a body', async () => {
      const spec = (await http().get('/docs-json').expect(200)).body as {
        paths: Record<
          string,
          Record<string, { requestBody?: unknown; responses: Record<string, { content?: Record<string, unknown> }> }>
        >;
      };
      const withBody = Object.values(spec.paths)
        .flatMap((methods) => Object.values(methods))
        .filter((operation) => operation.requestBody !== undefined);
      expect(withBody.length).toBeGreaterThan(10);
      for (const operation of withBody) {
        expect(operation.responses['413']?.content).toHaveProperty(['application/problem+json']);
        expect(operation.responses['415']?.content).toHaveProperty(['application/problem+json']);
      }
    });
  });

  describe('prototype keys at provider ingress are data, never merged into anything', () => {
    const HOSTILE =
      '{"order":7,"__proto__":{"polluted":"proto"},"constructor":{"prototype":{"polluted":"ctor"}},"nested":{"__proto__":{"polluted":"deep"}}}';

    function expectHostileKeysAsData(body: Record<string, unknown>): void {
      expect(Object.getOwnPropertyDescriptor(body, '__proto__')?.value).toEqual({ polluted: 'proto' });
      expect(body.constructor).toEqual({ prototype: { polluted: 'ctor' } });
      expect(Object.getOwnPropertyDescriptor(body.nested, '__proto__')?.value).toEqual({ polluted: 'deep' });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    }

    it('a provider webhook stores the payload verbatim and the trigger output carries the keys as data', async () => {
      const webhook = await createWebhook();
      const accepted = await http()
        .post(`/webhooks/${webhook.id}`)
        .set('X-Webhook-Token', webhook.authToken)
        .set('Content-Type', 'application/json')
        .send(HOSTILE);
      expect(accepted.status).toBe(202);
      const event = await waitFor(
        async () => (await api.get(`/api/webhooks/${webhook.id}/events/${accepted.body.eventId}`).expect(200)).body,
        (view: { status: string; workflowExecutionId: string }) => view.status !== 'received',
      );
      expect(event.status).toBe('processed');
      const [row] = await t.app
        .get(DataSource)
        .query('SELECT raw_body FROM webhook_events WHERE id = $1', [accepted.body.eventId]);
      expect((row.raw_body as Buffer).toString('utf8')).toBe(HOSTILE);
      const execution = await waitForExecution(t, owner.accessToken, event.workflowExecutionId);
      expect(execution.status).toBe('succeeded');
      expectHostileKeysAsData((nodeOf(execution, 'inbound').output as { body: Record<string, unknown> }).body);
      expect(nodeOf(execution, 'shape').output).toEqual({ order: 7 });
    });

    it('channel ingress does the same', async () => {
      const accepted = await http()
        .post(`/webhooks/${channelId}/instagram/message`)
        .set('Content-Type', 'application/json')
        .set('X-Hub-Signature-256', hexSignature(APP_SECRET, HOSTILE))
        .send(HOSTILE);
      expect(accepted.status).toBe(202);
      const [row] = await waitFor(
        async () =>
          (await t.app
            .get(DataSource)
            .query('SELECT status, raw_body, execution_ids FROM channel_events WHERE id = $1', [
              accepted.body.eventId,
            ])) as { status: string; raw_body: Buffer; execution_ids: string[] }[],
        (rows) => rows[0]?.status !== 'received',
      );
      expect(row.status).toBe('processed');
      expect(row.raw_body.toString('utf8')).toBe(HOSTILE);
      const execution = await waitForExecution(t, owner.accessToken, row.execution_ids[0]);
      expect(execution.status).toBe('succeeded');
      expectHostileKeysAsData((nodeOf(execution, 'dm').output as { body: Record<string, unknown> }).body);
    });

    it('a form body with a __proto__ field is accepted as data too', async () => {
      const webhook = await createWebhook();
      const accepted = await http()
        .post(`/webhooks/${webhook.id}`)
        .set('X-Webhook-Token', webhook.authToken)
        .type('form')
        .send('order=8&__proto__=polluted');
      expect(accepted.status).toBe(202);
      const event = await waitFor(
        async () => (await api.get(`/api/webhooks/${webhook.id}/events/${accepted.body.eventId}`).expect(200)).body,
        (view: { status: string; workflowExecutionId: string }) => view.status !== 'received',
      );
      const execution = await waitForExecution(t, owner.accessToken, event.workflowExecutionId);
      const body = (nodeOf(execution, 'inbound').output as { body: Record<string, unknown> }).body;
      expect(Object.getOwnPropertyDescriptor(body, '__proto__')?.value).toBe('polluted');
      expect(Object.prototype).not.toHaveProperty('polluted');
    });

    it('provider payload text with unpaired surrogates is kept: the event is processed, the text stored as U+FFFD', async () => {
      const webhook = await createWebhook();
      const accepted = await http()
        .post(`/webhooks/${webhook.id}`)
        .set('X-Webhook-Token', webhook.authToken)
        .set('Content-Type', 'application/json')
        .send('{"order":"a\\ud800b\\udc00"}');
      expect(accepted.status).toBe(202);
      const event = await waitFor(
        async () => (await api.get(`/api/webhooks/${webhook.id}/events/${accepted.body.eventId}`).expect(200)).body,
        (view: { status: string; workflowExecutionId: string }) => view.status !== 'received',
      );
      expect(event).toMatchObject({ status: 'processed', error: null });
      const execution = await waitForExecution(t, owner.accessToken, event.workflowExecutionId);
      expect(nodeOf(execution, 'shape').output).toEqual({ order: 'a\uFFFDb\uFFFD' });
    });

    it('the trigger route keeps unpaired surrogates in its input the same way', async () => {
      const token = (await api.get(`/api/workflows/${webhookWorkflowId}/trigger-token`).expect(200)).body
        .triggerToken as string;
      const accepted = await http()
        .post(`/webhook/workflow/trigger/${webhookWorkflowId}`)
        .set('X-Webhook-Token', token)
        .set('Content-Type', 'application/json')
        .send('{"order":"\\udfff"}');
      expect(accepted.status).toBe(202);
      const execution = await waitForExecution(t, owner.accessToken, accepted.body.executionId);
      expect(nodeOf(execution, 'shape').output).toEqual({ order: '\uFFFD' });
    });

    it('provider payload text with NUL is accepted, not refused (stored with NUL escaped)', async () => {
      const webhook = await createWebhook();
      const accepted = await http()
        .post(`/webhooks/${webhook.id}`)
        .set('X-Webhook-Token', webhook.authToken)
        .send({ order: NUL });
      expect(accepted.status).toBe(202);
    });
  });
});
