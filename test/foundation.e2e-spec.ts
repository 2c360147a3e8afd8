import { compileErrors, validate } from '@readme/openapi-parser';
import request from 'supertest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { expectProblem } from './support/problem-assertions.js';

describe('Foundation (real PostgreSQL and Redis)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());

  it('GET /health answers 200 with both dependencies up', async () => {
    const response = await http().get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });

  it('echoes a given X-Request-Id and makes one otherwise', async () => {
    const echoed = await http().get('/health').set('X-Request-Id', 'req-abc.123');
    expect(echoed.headers['x-request-id']).toBe('req-abc.123');
    const generated = await http().get('/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an unsafe X-Request-Id and generates a fresh one', async () => {
    for (const unsafe of ['bad id with spaces', 'x'.repeat(200), '<script>']) {
      const response = await http().get('/health').set('X-Request-Id', unsafe);
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('serves a valid OpenAPI 3 document at /docs-json and Swagger UI at /docs', async () => {
    const spec = await http().get('/docs-json').expect(200);
    expect(spec.body.openapi).toMatch(/^3\./);
    const validation = await validate(structuredClone(spec.body));
    expect(validation.valid ? 'valid' : compileErrors(validation)).toBe('valid');
    expect(spec.body.paths['/health']).toBeDefined();
    expect(spec.body.paths['/metrics']).toBeDefined();
    expect(Object.keys(spec.body.components.securitySchemes)).toEqual(expect.arrayContaining(['bearer', 'api-key']));
    const ui = await http().get('/docs').redirects(1);
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('exposes Prometheus metrics including HTTP request counts by route pattern', async () => {
    await http().get('/health');
    const response = await http().get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toMatch(/flowhook_http_requests_total\{method="GET",route="\/health",status="200"\} \d+/);
    expect(response.text).toContain('flowhook_process_resident_memory_bytes');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await http().get('/no/such/route');
    expectProblem(response, 404, 'not_found');
    expect(response.body.instance).toBe('/no/such/route');
  });

  describe('request bodies', () => {
    const login = () => http().post('/api/auth/login').set('X-Forwarded-For', '10.99.0.1');

    it('answers 413 for a body over BODY_LIMIT', async () => {
      const response = await login()
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(t.config.bodyLimitBytes) }));
      expectProblem(response, 413, 'payload_too_large');
    });

    it('answers 415 for an unsupported media type', async () => {
      const response = await login().set('Content-Type', 'text/plain').send('email=a');
      expectProblem(response, 415, 'unsupported_media_type');
    });

    it('answers 400 for malformed JSON', async () => {
      const response = await login().set('Content-Type', 'application/json').send('{"email": ');
      expectProblem(response, 400);
      expect(response.body.detail).toMatch(/not valid JSON/);
    });
  });

  it('logs JSON lines carrying the request id', async () => {
    const response = await http().get('/no/such/route').set('X-Request-Id', 'trace-me-42');
    expect(response.status).toBe(404);
    const lines = t.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request completed', correlationId: 'trace-me-42', status: 404 }),
    );
  });
});
