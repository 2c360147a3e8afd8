import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, registerTenant, type RegisteredTenant } from './support/auth-helpers.js';
import { waitForExecution } from './support/execution-helpers.js';
import { expectProblem } from './support/problem-assertions.js';
import { fixture, hexSignature } from './support/signing.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

const APP_SECRET = 'instagram-app-secret-for-channel-tests';

describe('Channels and channel ingress', () => {
  let t: TestApp;
  let owner: RegisteredTenant;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp();
    owner = await registerTenant(t, 'Channels');
  });
  afterAll(async () => {
    await t.close();
  });

  async function listeningWorkflow(channelId: string, event: string, name: string): Promise<string> {
    const created = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({
        name,
        nodes: [
          { id: 'dm', type: 'trigger.channel', config: { channelId, event } },
          {
            id: 'shape',
            type: 'transform',
            config: {
              set: {
                sender: '{{ contact.externalId }}',
                text: '{{ trigger.body.entry[0].messaging[0].message.text }}',
              },
            },
          },
        ],
        edges: [{ source: 'dm', target: 'shape' }],
      })
      .expect(201);
    await http()
      .post(`/api/workflows/${created.body.id}/publish`)
      .set(...bearer(owner))
      .expect(200);
    return created.body.id;
  }

  it('manages channels with credentials sealed and masked', async () => {
    const created = await http()
      .post('/api/channels')
      .set(...bearer(owner))
      .send({
        provider: 'instagram',
        name: 'Store IG',
        credentials: { appSecret: APP_SECRET, accessToken: 'EAAG-access-token-value' },
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      provider: 'instagram',
      name: 'Store IG',
      credentials: { appSecret: '****ests', accessToken: '****alue' },
    });
    expect(created.text).not.toContain(APP_SECRET);
    expect(created.body.ingressUrl).toBe(`${t.config.publicBaseUrl}/webhooks/${created.body.id}/instagram`);
    const stored = await t.app
      .get(DataSource)
      .query('SELECT credentials_sealed FROM channels WHERE id = $1', [created.body.id]);
    expect(stored[0].credentials_sealed).not.toContain(APP_SECRET);
    const renamed = await http()
      .put(`/api/channels/${created.body.id}`)
      .set(...bearer(owner))
      .send({ name: 'Renamed' })
      .expect(200);
    expect(renamed.body.name).toBe('Renamed');
    const list = await http()
      .get('/api/channels')
      .set(...bearer(owner))
      .expect(200);
    expect(list.text).not.toContain(APP_SECRET);
    expectProblem(
      await http()
        .post('/api/channels')
        .set(...bearer(owner))
        .send({ provider: 'instagram', name: 'x', credentials: {} }),
      400,
      'invalid_channel_credentials',
    );
    await http()
      .delete(`/api/channels/${created.body.id}`)
      .set(...bearer(owner))
      .expect(204);
    expectProblem(
      await http()
        .get(`/api/channels/${created.body.id}`)
        .set(...bearer(owner)),
      404,
      'channel_not_found',
    );
    expectProblem(
      await http()
        .put(`/api/channels/${created.body.id}`)
        .set(...bearer(owner))
        .send({ name: 'x' }),
      404,
      'channel_not_found',
    );
    expectProblem(
      await http()
        .get(`/api/contacts/${created.body.id}`)
        .set(...bearer(owner)),
      404,
      'contact_not_found',
    );
  });

  it('a signed event fans out to every published workflow listening to (channel, event)', async () => {
    const channel = (
      await http()
        .post('/api/channels')
        .set(...bearer(owner))
        .send({ provider: 'instagram', name: 'IG', credentials: { appSecret: APP_SECRET } })
        .expect(201)
    ).body;
    const first = await listeningWorkflow(channel.id, 'message', 'DM one');
    const second = await listeningWorkflow(channel.id, 'message', 'DM two');
    await listeningWorkflow(channel.id, 'comment', 'Comments');
    const body = fixture('instagram-message.json');
    const send = () =>
      http()
        .post(`/webhooks/${channel.id}/instagram/message`)
        .set('Content-Type', 'application/json')
        .set('X-Hub-Signature-256', hexSignature(APP_SECRET, body))
        .send(body.toString());
    const accepted = await send();
    expect(accepted.status).toBe(202);
    const duplicate = await send();
    expect(duplicate.status).toBe(200);
    expect(duplicate.body).toEqual({ status: 'duplicate', eventId: accepted.body.eventId });

    const [row] = await waitFor(
      async () =>
        (await t.app
          .get(DataSource)
          .query(`SELECT status, execution_ids FROM channel_events WHERE id = $1`, [accepted.body.eventId])) as {
          status: string;
          execution_ids: string[];
        }[],
      (rows) => rows[0]?.status !== 'received',
    );
    expect(row.status).toBe('processed');
    expect(row.execution_ids).toHaveLength(2);
    const executions = await Promise.all(row.execution_ids.map((id) => waitForExecution(t, owner.accessToken, id)));
    expect(executions.map((e) => e.workflowId).sort()).toEqual([first, second].sort());
    for (const execution of executions) {
      expect(execution.status).toBe('succeeded');
      expect(execution.trigger).toMatchObject({ type: 'channel' });
      expect(execution.nodeExecutions.find((n) => n.nodeId === 'shape')?.output).toEqual({
        sender: '1234567890123456',
        text: 'Hello, is this still available?',
      });
    }
  });

  it('refuses a wrong signature (401), an unknown channel or a provider mismatch (404)', async () => {
    const channel = (
      await http()
        .post('/api/channels')
        .set(...bearer(owner))
        .send({ provider: 'instagram', name: 'IG', credentials: { appSecret: APP_SECRET } })
        .expect(201)
    ).body;
    const body = fixture('instagram-message.json');
    expectProblem(
      await http()
        .post(`/webhooks/${channel.id}/instagram/message`)
        .set('Content-Type', 'application/json')
        .set('X-Hub-Signature-256', hexSignature('wrong', body))
        .send(body.toString()),
      401,
    );
    expectProblem(await http().post(`/webhooks/${randomUUID()}/instagram/message`).send({}), 404, 'channel_not_found');
    expectProblem(await http().post(`/webhooks/${channel.id}/whatsapp/message`).send({}), 404, 'channel_not_found');
    expectProblem(await http().post(`/webhooks/not-a-uuid/instagram/message`).send({}), 404);
  });
});
