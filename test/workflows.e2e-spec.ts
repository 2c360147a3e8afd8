import request from 'supertest';
import { addUser, bearer, registerTenant, type RegisteredTenant } from './support/auth-helpers.js';
import { expectProblem } from './support/problem-assertions.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { manualTransformGraph, workflowBody } from './support/workflow-fixtures.js';

describe('Workflows: definitions, versions, publishing, audit log', () => {
  let t: TestApp;
  let owner: RegisteredTenant;

  const http = () => request(t.app.getHttpServer());
  const create = async (body: object = workflowBody()) => {
    const response = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send(body);
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number };
  };

  beforeAll(async () => {
    t = await createTestApp();
    owner = await registerTenant(t, 'Workflows');
  });
  afterAll(async () => {
    await t.close();
  });

  it('create → update ×2 → 3 versions; version 1 equals the original; revert makes version 4 equal to 1', async () => {
    const original = workflowBody('Versioned', 'v1');
    const created = await create(original);
    expect(created).toMatchObject({
      name: 'Versioned',
      status: 'draft',
      version: 1,
      publishedVersion: null,
      tags: ['sales'],
      createdBy: owner.userId,
    });

    const second = await http()
      .put(`/api/workflows/${created.id}`)
      .set(...bearer(owner))
      .send(manualTransformGraph('v2'))
      .expect(200);
    expect(second.body.version).toBe(2);
    expect(second.headers.etag).toBe('"2"');
    const third = await http()
      .put(`/api/workflows/${created.id}`)
      .set(...bearer(owner))
      .send(manualTransformGraph('v3'))
      .expect(200);
    expect(third.body.version).toBe(3);

    const versions = await http()
      .get(`/api/workflows/${created.id}/versions`)
      .set(...bearer(owner))
      .expect(200);
    expect(versions.body.total).toBe(3);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2, 3]);

    const v1 = await http()
      .get(`/api/workflows/${created.id}/versions/1`)
      .set(...bearer(owner))
      .expect(200);
    expect({ nodes: v1.body.nodes, edges: v1.body.edges }).toEqual({ nodes: original.nodes, edges: original.edges });

    const reverted = await http()
      .post(`/api/workflows/${created.id}/versions/1/revert`)
      .set(...bearer(owner))
      .expect(200);
    expect(reverted.body.version).toBe(4);
    const v4 = await http()
      .get(`/api/workflows/${created.id}/versions/4`)
      .set(...bearer(owner))
      .expect(200);
    expect({ nodes: v4.body.nodes, edges: v4.body.edges }).toEqual({ nodes: original.nodes, edges: original.edges });
  });

  it('name, description and tag changes do not create a version', async () => {
    const created = await create();
    const renamed = await http()
      .put(`/api/workflows/${created.id}`)
      .set(...bearer(owner))
      .send({ name: 'Renamed', tags: ['a', 'b'] })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'Renamed', tags: ['a', 'b'], version: 1 });
    const versions = await http()
      .get(`/api/workflows/${created.id}/versions`)
      .set(...bearer(owner))
      .expect(200);
    expect(versions.body.total).toBe(1);
  });

  it('publish sets publishedVersion; editing afterwards keeps the published version', async () => {
    const created = await create();
    const published = await http()
      .post(`/api/workflows/${created.id}/publish`)
      .set(...bearer(owner))
      .expect(200);
    expect(published.body).toMatchObject({ status: 'published', version: 1, publishedVersion: 1 });
    const edited = await http()
      .put(`/api/workflows/${created.id}`)
      .set(...bearer(owner))
      .send(manualTransformGraph('next'))
      .expect(200);
    expect(edited.body).toMatchObject({ status: 'published', version: 2, publishedVersion: 1 });
  });

  it('archived workflows are read-only (409), still readable, and DELETE again is a no-op', async () => {
    const created = await create();
    await http()
      .delete(`/api/workflows/${created.id}`)
      .set(...bearer(owner))
      .expect(204);
    const read = await http()
      .get(`/api/workflows/${created.id}`)
      .set(...bearer(owner))
      .expect(200);
    expect(read.body.status).toBe('archived');
    expectProblem(
      await http()
        .put(`/api/workflows/${created.id}`)
        .set(...bearer(owner))
        .send({ name: 'x' }),
      409,
      'workflow_archived',
    );
    expectProblem(
      await http()
        .post(`/api/workflows/${created.id}/publish`)
        .set(...bearer(owner)),
      409,
      'workflow_archived',
    );
    expectProblem(
      await http()
        .post(`/api/workflows/${created.id}/versions/1/revert`)
        .set(...bearer(owner)),
      409,
      'workflow_archived',
    );
    await http()
      .delete(`/api/workflows/${created.id}`)
      .set(...bearer(owner))
      .expect(204);
  });

  describe('optimistic concurrency', () => {
    it('GET gives ETag "<version>"; a stale If-Match → 409; a current one applies', async () => {
      const created = await create();
      const read = await http()
        .get(`/api/workflows/${created.id}`)
        .set(...bearer(owner))
        .expect(200);
      expect(read.headers.etag).toBe('"1"');
      await http()
        .put(`/api/workflows/${created.id}`)
        .set(...bearer(owner))
        .set('If-Match', '"1"')
        .send(manualTransformGraph('x'))
        .expect(200);
      expectProblem(
        await http()
          .put(`/api/workflows/${created.id}`)
          .set(...bearer(owner))
          .set('If-Match', '"1"')
          .send(manualTransformGraph('y')),
        409,
        'version_mismatch',
      );
      expectProblem(
        await http()
          .put(`/api/workflows/${created.id}`)
          .set(...bearer(owner))
          .send({ ...manualTransformGraph('y'), version: 1 }),
        409,
        'version_mismatch',
      );
      expectProblem(
        await http()
          .delete(`/api/workflows/${created.id}`)
          .set(...bearer(owner))
          .set('If-Match', '"1"'),
        409,
        'version_mismatch',
      );
      expectProblem(
        await http()
          .put(`/api/workflows/${created.id}`)
          .set(...bearer(owner))
          .set('If-Match', 'garbage')
          .send({ name: 'z' }),
        400,
        'invalid_if_match',
      );
    });

    it('of 5 concurrent conflicting updates with the same If-Match, exactly one wins', async () => {
      const created = await create();
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((i) =>
          http()
            .put(`/api/workflows/${created.id}`)
            .set(...bearer(owner))
            .set('If-Match', '"1"')
            .send(manualTransformGraph(`c${i}`)),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
      const versions = await http()
        .get(`/api/workflows/${created.id}/versions`)
        .set(...bearer(owner))
        .expect(200);
      expect(versions.body.total).toBe(2);
    });
  });

  describe('validation', () => {
    const graph = (nodes: object[], edges: object[]) => ({ name: 'Bad', nodes, edges });
    const trigger = { id: 'start', type: 'trigger.manual', config: {} };

    it.each([
      ['a dangling edge', graph([trigger], [{ source: 'start', target: 'ghost' }]), /ghost/],
      [
        'a cycle',
        graph(
          [
            trigger,
            { id: 'a', type: 'transform', config: { set: { x: '1' } } },
            { id: 'b', type: 'transform', config: { set: { y: '1' } } },
          ],
          [
            { source: 'start', target: 'a' },
            { source: 'a', target: 'b' },
            { source: 'b', target: 'a' },
          ],
        ),
        /cycle.*\ba\b|\bb\b.*cycle|cycle/i,
      ],
      ['no trigger', graph([{ id: 'a', type: 'transform', config: { set: { x: '1' } } }], []), /trigger/i],
      [
        'a trigger with an incoming edge',
        graph(
          [trigger, { id: 'a', type: 'transform', config: { set: { x: '1' } } }],
          [
            { source: 'start', target: 'a' },
            { source: 'a', target: 'start' },
          ],
        ),
        /start/,
      ],
      [
        'an unknown branch',
        graph(
          [
            trigger,
            { id: 'a', type: 'transform', config: { set: { x: '1' } } },
            { id: 'b', type: 'transform', config: { set: { x: '1' } } },
          ],
          [
            { source: 'start', target: 'a' },
            { source: 'a', target: 'b', branch: 'maybe' },
          ],
        ),
        /maybe/,
      ],
    ])('answers 422 naming the problem for %s', async (_case, body, message) => {
      const response = await http()
        .post('/api/workflows')
        .set(...bearer(owner))
        .send(body);
      expectProblem(response, 422, 'invalid_workflow_graph');
      expect(response.body.detail).toMatch(message);
    });

    it.each([
      [
        'a bad condition config',
        graph(
          [trigger, { id: 'check', type: 'condition', config: { expr: 1 } }],
          [{ source: 'start', target: 'check', branch: 'true' }],
        ),
        'check',
      ],
      [
        'a condition whose template does not compile',
        graph(
          [trigger, { id: 'check', type: 'condition', config: { expression: '{{ trigger.body. }}' } }],
          [{ source: 'start', target: 'check', branch: 'true' }],
        ),
        'check',
      ],
      [
        'a bad wait config',
        graph(
          [trigger, { id: 'pause', type: 'wait', config: { mode: 'interval', seconds: -1 } }],
          [{ source: 'start', target: 'pause' }],
        ),
        'pause',
      ],
    ])('answers 400 naming the node for %s', async (_case, body, nodeId) => {
      const response = await http()
        .post('/api/workflows')
        .set(...bearer(owner))
        .send(body);
      expectProblem(response, 400, 'invalid_node_config');
      expect(response.body.detail).toContain(nodeId);
      expect(response.body.detail).not.toContain('unknown node type');
      expect(response.body.errors.length).toBeGreaterThan(0);
    });

    it('accepts the node types other modules register (action.http, wait, contact.update)', async () => {
      const body = graph(
        [
          trigger,
          {
            id: 'call',
            type: 'action.http',
            config: { method: 'POST', url: 'https://example.com/hook', body: { id: '{{ execution.id }}' } },
          },
          { id: 'pause', type: 'wait', config: { mode: 'webhook', timeoutHours: 0.5 } },
          { id: 'tag', type: 'contact.update', config: { fields: { tier: 'gold' } } },
          { id: 'late', type: 'transform', config: { set: { late: true } } },
        ],
        [
          { source: 'start', target: 'call' },
          { source: 'call', target: 'pause' },
          { source: 'pause', target: 'tag' },
          { source: 'pause', target: 'late', branch: 'timeout' },
        ],
      );
      await http()
        .post('/api/workflows')
        .set(...bearer(owner))
        .send(body)
        .expect(201);
      const ftp = graph(
        [trigger, { id: 'call', type: 'action.http', config: { method: 'GET', url: 'ftp://example.com/x' } }],
        [{ source: 'start', target: 'call' }],
      );
      const refused = await http()
        .post('/api/workflows')
        .set(...bearer(owner))
        .send(ftp);
      expectProblem(refused, 400, 'invalid_node_config');
      expect(refused.body.errors).toContainEqual(expect.objectContaining({ field: 'nodes[1].config.url' }));
    });

    it('answers 400 naming the node for an unknown node type', async () => {
      const response = await http()
        .post('/api/workflows')
        .set(...bearer(owner))
        .send(
          graph([trigger, { id: 'mystery', type: 'teleport', config: {} }], [{ source: 'start', target: 'mystery' }]),
        );
      expectProblem(response, 400, 'invalid_node_config');
      expect(response.body.detail).toMatch(/mystery.*unknown node type "teleport"/);
    });

    it('answers 400 for bad DTO input and 404 for unknown ids', async () => {
      expectProblem(
        await http()
          .post('/api/workflows')
          .set(...bearer(owner))
          .send({ name: '', nodes: 'x', edges: [] }),
        400,
        'validation_failed',
      );
      expectProblem(
        await http()
          .get('/api/workflows/not-a-uuid')
          .set(...bearer(owner)),
        400,
      );
      expectProblem(
        await http()
          .get('/api/workflows/00000000-0000-4000-8000-000000000000')
          .set(...bearer(owner)),
        404,
        'workflow_not_found',
      );
      const created = await create();
      expectProblem(
        await http()
          .get(`/api/workflows/${created.id}/versions/9`)
          .set(...bearer(owner)),
        404,
        'workflow_version_not_found',
      );
      expectProblem(
        await http()
          .post(`/api/workflows/${created.id}/versions/9/revert`)
          .set(...bearer(owner)),
        404,
        'workflow_version_not_found',
      );
      expectProblem(
        await http()
          .get(`/api/workflows?limit=101`)
          .set(...bearer(owner)),
        400,
        'validation_failed',
      );
    });
  });

  it('lists with status, tag and search filters and pagination', async () => {
    const tenant = await registerTenant(t, 'Lists');
    const make = (name: string, tags: string[]) =>
      http()
        .post('/api/workflows')
        .set(...bearer(tenant))
        .send({ ...workflowBody(name), tags })
        .expect(201);
    const alpha = await make('Alpha orders', ['x']);
    await make('Beta leads', ['y']);
    await make('Gamma orders', ['x', 'y']);
    await http()
      .post(`/api/workflows/${alpha.body.id}/publish`)
      .set(...bearer(tenant))
      .expect(200);

    const all = await http()
      .get('/api/workflows?limit=2')
      .set(...bearer(tenant))
      .expect(200);
    expect(all.body).toMatchObject({ page: 1, limit: 2, total: 3 });
    expect(all.body.items).toHaveLength(2);
    const names = async (query: string) =>
      (
        await http()
          .get(`/api/workflows?${query}`)
          .set(...bearer(tenant))
          .expect(200)
      ).body.items
        .map((w: { name: string }) => w.name)
        .sort();
    expect(await names('search=ORDERS')).toEqual(['Alpha orders', 'Gamma orders']);
    expect(await names('tag=y')).toEqual(['Beta leads', 'Gamma orders']);
    expect(await names('status=published')).toEqual(['Alpha orders']);
    expect(await names('search=%25')).toEqual([]);
  });

  it('trigger tokens: editors read them; regenerating replaces the token', async () => {
    const created = await create();
    const first = await http()
      .get(`/api/workflows/${created.id}/trigger-token`)
      .set(...bearer(owner))
      .expect(200);
    expect(first.body.triggerToken).toMatch(/^wft_/);
    const second = await http()
      .post(`/api/workflows/${created.id}/trigger-token/regenerate`)
      .set(...bearer(owner))
      .expect(200);
    expect(second.body.triggerToken).not.toBe(first.body.triggerToken);
    const again = await http()
      .get(`/api/workflows/${created.id}/trigger-token`)
      .set(...bearer(owner))
      .expect(200);
    expect(again.body.triggerToken).toBe(second.body.triggerToken);
  });

  it('a viewer reads but cannot write (403)', async () => {
    const viewer = await addUser(t, owner, 'viewer');
    const created = await create();
    await http()
      .get(`/api/workflows/${created.id}`)
      .set(...bearer(viewer))
      .expect(200);
    expectProblem(
      await http()
        .post('/api/workflows')
        .set(...bearer(viewer))
        .send(workflowBody()),
      403,
      'insufficient_role',
    );
    expectProblem(
      await http()
        .put(`/api/workflows/${created.id}`)
        .set(...bearer(viewer))
        .send({ name: 'x' }),
      403,
    );
    expectProblem(
      await http()
        .get(`/api/workflows/${created.id}/trigger-token`)
        .set(...bearer(viewer)),
      403,
    );
  });

  it('the audit log shows every change in order with its actor; another tenant sees none of it', async () => {
    const tenant = await registerTenant(t, 'Audited');
    const editor = await addUser(t, tenant, 'editor');
    const created = await http()
      .post('/api/workflows')
      .set(...bearer(editor))
      .send(workflowBody())
      .expect(201);
    await http()
      .put(`/api/workflows/${created.body.id}`)
      .set(...bearer(editor))
      .send(manualTransformGraph('2'))
      .expect(200);
    await http()
      .post(`/api/workflows/${created.body.id}/publish`)
      .set(...bearer(tenant))
      .expect(200);
    await http()
      .post(`/api/workflows/${created.body.id}/versions/1/revert`)
      .set(...bearer(editor))
      .expect(200);
    await http()
      .delete(`/api/workflows/${created.body.id}`)
      .set(...bearer(tenant))
      .expect(204);

    const log = await http()
      .get('/api/events?limit=100')
      .set(...bearer(tenant))
      .expect(200);
    const workflowEvents = log.body.items.filter((e: { aggregateId: string }) => e.aggregateId === created.body.id);
    expect(workflowEvents.map((e: { type: string; actorId: string }) => [e.type, e.actorId])).toEqual([
      ['workflow.created', editor.userId],
      ['workflow.updated', editor.userId],
      ['workflow.published', tenant.userId],
      ['workflow.reverted', editor.userId],
      ['workflow.archived', tenant.userId],
    ]);
    const sequences = log.body.items.map((e: { sequence: number }) => e.sequence);
    expect(sequences).toEqual([...sequences].sort((x, y) => x - y));

    const filtered = await http()
      .get('/api/events?type=workflow.published')
      .set(...bearer(tenant))
      .expect(200);
    expect(filtered.body.items.map((e: { type: string }) => e.type)).toEqual(['workflow.published']);
    const paged = await http()
      .get('/api/events?limit=2')
      .set(...bearer(tenant))
      .expect(200);
    expect(paged.body.nextAfterSequence).toBe(paged.body.items[1].sequence);
    const next = await http()
      .get(`/api/events?limit=100&afterSequence=${paged.body.nextAfterSequence}`)
      .set(...bearer(tenant))
      .expect(200);
    expect(next.body.items[0].sequence).toBeGreaterThan(paged.body.nextAfterSequence);

    const other = await http()
      .get('/api/events?limit=100')
      .set(...bearer(owner))
      .expect(200);
    expect(other.text).not.toContain(created.body.id);
    expect(other.text).not.toContain(tenant.tenantId);
  });
});
