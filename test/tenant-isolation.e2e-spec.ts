import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import { ACCESS_POLICY } from '../src/modules/auth/access/access-policy.decorator.js';
import { addUser, bearer, registerTenant, type RegisteredTenant } from './support/auth-helpers.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';
import { workflowBody } from './support/workflow-fixtures.js';

/**
 * Tenant A's resources, by OpenAPI path template, that tenant B must never reach. A new /api route
 * with a path parameter makes this spec fail until it is listed here with a resource of A.
 */
type Fixture = { params: Record<string, string>; body?: object };

describe('Tenant isolation and access policies', () => {
  let t: TestApp;
  let a: RegisteredTenant;
  let b: RegisteredTenant;
  let fixtures: Record<string, Fixture>;
  let secretsOfA: string[];

  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp();
    a = await registerTenant(t, 'Tenant A');
    b = await registerTenant(t, 'Tenant B');
    const editorOfA = await addUser(t, a, 'editor');
    const keyOfA = await http()
      .post('/api/api-keys')
      .set(...bearer(a))
      .send({ name: 'A key', role: 'viewer' })
      .expect(201);
    const workflowOfA = await http()
      .post('/api/workflows')
      .set(...bearer(a))
      .send(workflowBody('A flow'))
      .expect(201);
    const workflow = {
      params: { id: workflowOfA.body.id, version: '1', nodeId: 'shape' },
      body: { name: 'taken over' },
    };
    const executionOfA = await http()
      .post(`/api/workflows/${workflowOfA.body.id}/execute`)
      .set(...bearer(a))
      .send({})
      .expect(202);
    const execution = { params: { id: executionOfA.body.executionId } };
    const hookFlow = await http()
      .post('/api/workflows')
      .set(...bearer(a))
      .send({ name: 'A hook', nodes: [{ id: 'inbound', type: 'trigger.webhook', config: {} }], edges: [] })
      .expect(201);
    await http()
      .post(`/api/workflows/${hookFlow.body.id}/publish`)
      .set(...bearer(a))
      .expect(200);
    const webhookOfA = await http()
      .post('/api/webhooks')
      .set(...bearer(a))
      .send({ name: 'A hook', workflowId: hookFlow.body.id, nodeId: 'inbound', provider: 'zapier' })
      .expect(201);
    const eventOfA = await http()
      .post(`/webhooks/${webhookOfA.body.id}`)
      .set('X-Webhook-Token', webhookOfA.body.authToken)
      .send({ customerId: 'c1' })
      .expect(202);
    const webhook = {
      params: { id: webhookOfA.body.id, eventId: eventOfA.body.eventId },
      body: { name: 'taken over' },
    };
    const meli = await http()
      .post('/api/webhooks')
      .set(...bearer(a))
      .send({ name: 'A meli', workflowId: hookFlow.body.id, nodeId: 'inbound', provider: 'mercadolibre' })
      .expect(201);
    await http()
      .post(`/webhooks/${meli.body.id}`)
      .set('X-Webhook-Token', meli.body.authToken)
      .send({ resource: '/orders/1', user_id: 77, topic: 'orders_v2', sent: 'now' })
      .expect(202);
    const credentialOfA = await http()
      .post('/api/credentials')
      .set(...bearer(a))
      .send({ name: 'A cred', type: 'bearer', data: { token: 'tenant-a-bearer-token-secret' } })
      .expect(201);
    await http()
      .post('/api/webhook-actions/test')
      .set(...bearer(a))
      .send({ config: { method: 'GET', url: 'http://10.0.0.1/' } })
      .expect(200);
    const actionLogOfA = await http()
      .get('/api/webhook-actions/executions')
      .set(...bearer(a))
      .expect(200);
    const channelOfA = await http()
      .post('/api/channels')
      .set(...bearer(a))
      .send({ provider: 'whatsapp', name: 'A channel', credentials: { appSecret: 'tenant-a-channel-app-secret' } })
      .expect(201);
    const contactOfA = await waitFor(
      async () =>
        (
          await http()
            .get('/api/contacts')
            .set(...bearer(a))
            .expect(200)
        ).body.items as { id: string }[],
      (items) => items.length > 0,
    );
    fixtures = {
      '/api/workflows/{id}': workflow,
      '/api/workflows/{id}/publish': workflow,
      '/api/workflows/{id}/versions': workflow,
      '/api/workflows/{id}/versions/{version}': workflow,
      '/api/workflows/{id}/versions/{version}/revert': workflow,
      '/api/workflows/{id}/trigger-token': workflow,
      '/api/workflows/{id}/trigger-token/regenerate': workflow,
      '/api/workflows/{id}/execute': { params: workflow.params, body: { input: {} } },
      '/api/workflows/{id}/executions': workflow,
      '/api/workflows/{id}/nodes/{nodeId}/executions': workflow,
      '/api/executions/{id}': execution,
      '/api/executions/{id}/cancel': execution,
      '/api/executions/{id}/retry': execution,
      '/api/webhooks/{id}': webhook,
      '/api/webhooks/{id}/activate': webhook,
      '/api/webhooks/{id}/regenerate-token': webhook,
      '/api/webhooks/{id}/events': webhook,
      '/api/webhooks/{id}/events/{eventId}': webhook,
      '/api/webhooks/{id}/events/{eventId}/replay': webhook,
      '/api/contacts/{id}': { params: { id: contactOfA[0].id } },
      '/api/credentials/{id}': { params: { id: credentialOfA.body.id } },
      '/api/channels/{id}': { params: { id: channelOfA.body.id }, body: { name: 'taken over' } },
      '/api/webhook-actions/executions/{id}': {
        params: { id: actionLogOfA.body.items[0]?.id ?? credentialOfA.body.id },
      },
      '/api/users/{id}': { params: { id: editorOfA.userId }, body: { role: 'viewer' } },
      '/api/api-keys/{id}': { params: { id: keyOfA.body.id } },
    };
    secretsOfA = [
      a.tenantId,
      a.userId,
      a.email,
      editorOfA.userId,
      editorOfA.email,
      keyOfA.body.id,
      workflowOfA.body.id,
      executionOfA.body.executionId,
      webhookOfA.body.id,
      webhookOfA.body.authToken,
      contactOfA[0].id,
      credentialOfA.body.id,
      'tenant-a-bearer-token-secret',
      channelOfA.body.id,
      'tenant-a-channel-app-secret',
    ];
  });
  afterAll(async () => {
    await t.close();
  });

  it('every route declares an access policy (routes without one are closed)', () => {
    const scanner = new MetadataScanner();
    const missing: string[] = [];
    const wrappers = [...t.app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
    expect(wrappers.length).toBeGreaterThan(0);
    for (const wrapper of wrappers) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller) continue;
      for (const method of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[method] as object;
        if (Reflect.getMetadata('path', handler) === undefined) continue;
        const policy = Reflect.getMetadata(ACCESS_POLICY, handler) ?? Reflect.getMetadata(ACCESS_POLICY, controller);
        if (!policy) missing.push(`${controller.name}.${method}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("tenant B gets 404 or nothing of A's from every /api route", async () => {
    const spec = (await http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(spec.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const method of Object.keys(operations)) {
        const templated = path.includes('{');
        if (templated) {
          const fixture = fixtures[path];
          if (!fixture)
            throw new Error(`No resource of tenant A listed for ${path}: add it to the fixtures of this spec`);
          const url = path.replace(/\{(\w+)\}/g, (_match, name: string) => fixture.params[name]);
          const response = await http()
            [method as 'get'](url)
            .set(...bearer(b))
            .send(fixture.body ?? {});
          expect({ route: `${method.toUpperCase()} ${path}`, status: response.status }).toEqual({
            route: `${method.toUpperCase()} ${path}`,
            status: 404,
          });
          checked.push(`${method.toUpperCase()} ${path}`);
        } else if (method === 'get') {
          const response = await http()
            .get(path)
            .set(...bearer(b));
          expect(response.status).toBeLessThan(500);
          for (const secret of secretsOfA) expect(response.text).not.toContain(secret);
          checked.push(`GET ${path}`);
        }
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(6);
  });

  it("A's resources are untouched after B's attempts", async () => {
    const users = await http()
      .get('/api/users?limit=100')
      .set(...bearer(a))
      .expect(200);
    expect(users.body.total).toBe(2);
    const keys = await http()
      .get('/api/api-keys')
      .set(...bearer(a))
      .expect(200);
    expect(keys.body.total).toBe(1);
    const workflow = await http()
      .get(`/api/workflows?search=A%20flow`)
      .set(...bearer(a))
      .expect(200);
    expect(workflow.body.items).toEqual([expect.objectContaining({ name: 'A flow', status: 'draft', version: 1 })]);
    const webhooks = await http()
      .get('/api/webhooks')
      .set(...bearer(a))
      .expect(200);
    expect(webhooks.body.items.map((w: { status: string }) => w.status)).toEqual(['active', 'active']);
  });
});
