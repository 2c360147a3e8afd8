import request from 'supertest';
import { bearer, registerTenant } from './support/auth-helpers.js';
import { expectProblem } from './support/problem-assertions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const PASSWORD = 'operator-password-0123456789';
const basic = (user: string, password: string): [string, string] => [
  'Authorization',
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
];

describe('Queue dashboard (@bull-board) for operators', () => {
  let t: TestApp;
  let off: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      QUEUE_DASHBOARD: 'true',
      QUEUE_DASHBOARD_USER: 'ops',
      QUEUE_DASHBOARD_PASSWORD: PASSWORD,
    });
    off = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
    await off.close();
  });

  it('serves the board and its API with the operator credentials', async () => {
    const page = await request(t.app.getHttpServer())
      .get('/admin/queues')
      .set(...basic('ops', PASSWORD))
      .expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const script = /src="(static\/js\/main[^"]+)"/.exec(page.text)?.[1];
    await request(t.app.getHttpServer())
      .get(`/admin/queues/${script}`)
      .set(...basic('ops', PASSWORD))
      .expect(200);
    const queues = await request(t.app.getHttpServer())
      .get('/admin/queues/api/queues')
      .set(...basic('ops', PASSWORD))
      .expect(200);
    expect((queues.body.queues as { name: string }[]).map((queue) => queue.name).sort()).toEqual([
      'channel-events',
      'nodes',
      'waits',
      'webhook-events',
    ]);
  });

  it.each([
    ['no credentials', [] as string[]],
    ['a wrong password', basic('ops', `${PASSWORD}x`)],
    ['a wrong user', basic('admin', PASSWORD)],
    ['a malformed Basic header', ['Authorization', 'Basic not-base64-without-colon']],
  ])('answers 401 problem details with a Basic challenge for %s', async (_case, header) => {
    const call = request(t.app.getHttpServer()).get('/admin/queues/api/queues');
    const response = await (header.length ? call.set(header[0], header[1]) : call);
    expectProblem(response, 401, 'unauthenticated');
    expect(response.headers['www-authenticate']).toMatch(/^Basic realm="Flowhook queues"/);
    expect(JSON.stringify(response.body)).not.toContain('queues":[');
  });

  it("does not let a tenant's token in: the board shows every tenant's jobs", async () => {
    const owner = await registerTenant(t, 'Not an operator');
    expectProblem(
      await request(t.app.getHttpServer())
        .get('/admin/queues/api/queues')
        .set(...bearer(owner)),
      401,
      'unauthenticated',
    );
  });

  it('is not mounted when off (the default outside development)', async () => {
    expect(off.config.queueDashboard).toBeUndefined();
    expectProblem(
      await request(off.app.getHttpServer())
        .get('/admin/queues')
        .set(...basic('admin', PASSWORD)),
      404,
    );
  });

  it('never logs the operator password', () => {
    expect(t.logs.join('')).not.toContain(PASSWORD);
    expect(t.logs.join('')).not.toContain(Buffer.from(`ops:${PASSWORD}`).toString('base64'));
  });
});
