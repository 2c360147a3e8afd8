import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { unexpectedErrorLine } from './support/api-fuzz/app-log.js';
import { generateCases } from './support/api-fuzz/case-generator.js';
import { FuzzReport } from './support/api-fuzz/fuzz-report.js';
import { FuzzSession } from './support/api-fuzz/fuzz-session.js';
import { seedWorld } from './support/api-fuzz/fuzz-world.js';
import { LateValues } from './support/api-fuzz/late-values.js';
import { type FuzzOperation, operationsOf } from './support/api-fuzz/openapi-operations.js';
import { Prng } from './support/api-fuzz/prng.js';
import { SeedClient } from './support/api-fuzz/seed-client.js';
import { HttpReceiver } from './support/http-receiver.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Fixed, so every run sends the same requests; API_FUZZ_SEED explores others (and replays a reported
 * one), API_FUZZ_CASES changes the cases per operation, API_FUZZ_DUMP=<file> lists every case's status.
 */
const SEED = Number(process.env.API_FUZZ_SEED ?? 20261202);
const CASES_PER_OPERATION = Number(process.env.API_FUZZ_CASES ?? 25);
const MIN_SUCCESS_SHARE = 0.6;
const QUEUE_PREFIX = `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_fuzz`;

/**
 * Property-based fuzz of the whole HTTP surface: requests generated from the OpenAPI document for
 * every operation — conforming, at the documented limits, and invalid or hostile (ids, query values,
 * bodies, credentials, framework limits) — against the real app on a seeded tenant. Outbound calls
 * go only to a local receiver or to addresses the SSRF guard refuses.
 */
describe('API fuzz (every operation of /docs-json)', () => {
  let t: TestApp;
  const receiver = new HttpReceiver();
  let operations: FuzzOperation[];
  let report: FuzzReport;

  beforeAll(async () => {
    await receiver.start();
    t = await createTestApp({ QUEUE_PREFIX, OUTBOUND_ALLOWED_HOSTS: `127.0.0.1:${receiver.port}` });
    await t.app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;

    operations = await operationsOf((await request(baseUrl).get('/docs-json').expect(200)).body);
    const world = await seedWorld(t, baseUrl, receiver.url);
    const cases = generateCases(operations, world, new Prng(SEED), {
      casesPerOperation: CASES_PER_OPERATION,
      validShare: 0.6,
      boundaryShare: 0.08,
      bodyLimitBytes: t.config.bodyLimitBytes,
    });
    const late = new LateValues(world, new SeedClient(baseUrl, { Authorization: `Bearer ${world.owner.accessToken}` }));
    await late.fill(
      LateValues.demand(cases.flatMap(({ request: r }) => [...Object.values(r.pathParams), r.body?.text ?? ''])),
    );

    report = new FuzzReport(SEED, (errorId) => unexpectedErrorLine(t.logs, errorId));
    const started = Date.now();
    await new FuzzSession(baseUrl, world, late, operations, report).run(cases);
    console.log(report.summary(Date.now() - started));
    if (process.env.API_FUZZ_DUMP) writeFileSync(process.env.API_FUZZ_DUMP, report.lines());
  }, 300_000);

  /** Fails with the report itself (a matcher would escape it beyond reading). */
  const expectNone = (failures: string) => {
    if (failures) throw new Error(failures);
  };

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  it('fuzzes every documented operation and gets a 2xx from each', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(report.unreached(operations)).toEqual([]);
  });

  it('answers every request (nothing hangs or drops the connection)', () => {
    expectNone(report.failures('answers'));
  });

  it('never answers 5xx', () => {
    expectNone(report.failures('no-5xx'));
  });

  it('answers every 4xx and 5xx with problem details carrying type, title, status, detail and instance', () => {
    expectNone(report.failures('problem-details'));
  });

  it('carries X-Request-Id on every answer', () => {
    expectNone(report.failures('request-id'));
  });

  it('answers every 2xx with a documented status, media type and body schema', () => {
    expectNone(report.failures('documented-2xx'));
  });

  it('refuses every input the document forbids', () => {
    expectNone(report.failures('refuses-invalid'));
  });

  it(`answers at least ${MIN_SUCCESS_SHARE * 100} % of the generated requests with a 2xx (seeded ids, valid bodies)`, () => {
    expect(report.successShare()).toBeGreaterThanOrEqual(MIN_SUCCESS_SHARE);
  });
});
