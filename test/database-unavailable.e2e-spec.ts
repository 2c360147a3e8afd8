import request from 'supertest';
import { DataSource } from 'typeorm';
import { pgPool } from '../src/platform/database/pg-pool.js';
import { bearer, registerTenant, type RegisteredTenant } from './support/auth-helpers.js';
import { freePort } from './support/free-port.js';
import { expectProblem } from './support/problem-assertions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * PostgreSQL refusing connections is nobody's mistake: every API route answers 503 problem details
 * with Retry-After (not a 500 with an errorId), and answers again once PostgreSQL is back, without a
 * restart. Here the app's pool is pointed at a port nobody listens on, so its new connections are
 * refused as they are when PostgreSQL is down.
 */
describe('PostgreSQL unreachable', () => {
  let t: TestApp;
  let owner: RegisteredTenant;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp({ APP_ROLE: 'api', QUEUE_PREFIX: `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_db_down` });
    owner = await registerTenant(t, 'Database down');
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Closes the pool's connections and sends its new ones to `port`; returns the port it used. */
  async function pointPoolAt(port: string): Promise<string> {
    const pool = pgPool(t.app.get(DataSource));
    const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
    for (const client of clients) client.release(true);
    const options = pool.options as { connectionString: string };
    const url = new URL(options.connectionString);
    const previous = url.port;
    url.port = port;
    options.connectionString = url.toString();
    return previous;
  }

  it('answers 503 dependency_unavailable with Retry-After on API routes, and recovers without a restart', async () => {
    const postgresPort = await pointPoolAt(String(await freePort()));
    try {
      const listed = await http()
        .get('/api/workflows')
        .set(...bearer(owner));
      expectProblem(listed, 503, 'dependency_unavailable');
      expect(listed.headers['retry-after']).toBe('5');
      expect(listed.body.detail).toContain('PostgreSQL');
      expect(listed.body.errorId).toBeUndefined();
      expectProblem(
        await http()
          .post('/api/workflows')
          .set(...bearer(owner))
          .send({ name: 'Down', nodes: [{ id: 'start', type: 'trigger.manual', config: {} }], edges: [] }),
        503,
        'dependency_unavailable',
      );
    } finally {
      await pointPoolAt(postgresPort);
    }
    await http()
      .get('/api/workflows')
      .set(...bearer(owner))
      .expect(200);
  });
});
