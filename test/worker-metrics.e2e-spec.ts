import type { ChildProcess } from 'node:child_process';
import request from 'supertest';
import { bearer, registerTenant } from './support/auth-helpers.js';
import { waitForExecution } from './support/execution-helpers.js';
import { freePort } from './support/free-port.js';
import { parsePrometheus, sum } from './support/prometheus.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';
import { workflowBody } from './support/workflow-fixtures.js';
import { startWorkerProcess, stopProcess } from './support/worker-process.js';

const EXECUTIONS = 3;

describe('Metrics of an APP_ROLE=worker process (it serves no API)', () => {
  const queuePrefix = `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_wmetrics`;
  const children: ChildProcess[] = [];
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp({ APP_ROLE: 'api', QUEUE_PREFIX: queuePrefix });
    port = await freePort();
    children.push(startWorkerProcess({ QUEUE_PREFIX: queuePrefix, WORKER_METRICS_PORT: String(port) }));
  });
  afterAll(async () => {
    for (const child of children) await stopProcess(child, 'SIGKILL');
    await t.close();
  });

  const scrape = async () => {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheus(await response.text());
  };

  it('serves GET /metrics with what the worker counted', async () => {
    const before = await waitFor(
      () => scrape().catch(() => undefined),
      (samples) => samples !== undefined,
      20000,
      100,
    );
    const owner = await registerTenant(t, 'Worker metrics');
    const workflow = await request(t.app.getHttpServer())
      .post('/api/workflows')
      .set(...bearer(owner))
      .send(workflowBody('Counted'))
      .expect(201);
    for (let i = 0; i < EXECUTIONS; i++) {
      const started = await request(t.app.getHttpServer())
        .post(`/api/workflows/${workflow.body.id}/execute`)
        .set(...bearer(owner))
        .send({ input: {} })
        .expect(202);
      expect((await waitForExecution(t, owner.accessToken, started.body.executionId)).status).toBe('succeeded');
    }
    const after = await scrape();
    expect(
      sum(after, 'flowhook_executions_total', 'status="succeeded"') -
        sum(before!, 'flowhook_executions_total', 'status="succeeded"'),
    ).toBe(EXECUTIONS);
    const queues = new Set(
      [...after.keys()]
        .filter((key) => key.startsWith('flowhook_queue_jobs{'))
        .map((key) => /queue="([^"]+)"/.exec(key)?.[1]),
    );
    expect([...queues].sort()).toEqual(['channel-events', 'nodes', 'waits', 'webhook-events']);
    const other = await fetch(`http://127.0.0.1:${port}/api/workflows?x=1`);
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await other.json()).toEqual({
      type: 'urn:flowhook:problem:not_found',
      title: 'Not Found',
      status: 404,
      detail: 'This port serves GET /metrics only.',
      instance: '/api/workflows',
    });
  });

  it('refuses to start, in one line, when its metrics port is taken', async () => {
    const second = startWorkerProcess({
      QUEUE_PREFIX: queuePrefix,
      WORKER_METRICS_PORT: String(port),
      LOG_LEVEL: 'fatal',
    });
    children.push(second);
    let output = '';
    second.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain(`Cannot serve worker metrics on WORKER_METRICS_PORT ${port} (EADDRINUSE)`);
  });
});
