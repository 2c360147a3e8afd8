import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { NewExecution } from '../../src/modules/executions/persistence/execution-start.statements.js';
import { ExecutionStarts } from '../../src/modules/executions/persistence/execution-starts.js';
import { bearer, registerTenant, type RegisteredTenant } from '../support/auth-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { manualTransformGraph } from '../support/workflow-fixtures.js';

/** Executions started at once are stored in one statement (ExecutionStarts); these submit them by hand. */
describe('Execution starts stored together', () => {
  let t: TestApp;
  let owner: RegisteredTenant;
  let workflowId: string;

  beforeAll(async () => {
    // No workers: nothing runs the stored executions.
    t = await createTestApp({ APP_ROLE: 'api', QUEUE_PREFIX: `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_starts` });
    owner = await registerTenant(t, 'Starts');
    const workflow = await request(t.app.getHttpServer())
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({ name: 'Starts', ...manualTransformGraph() })
      .expect(201);
    workflowId = workflow.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  function newExecution(overrides: Partial<NewExecution> = {}): NewExecution {
    return {
      id: randomUUID(),
      tenantId: owner.tenantId,
      workflowId,
      workflowVersion: 1,
      status: 'queued',
      triggerType: 'manual',
      triggerInput: '{"body":{}}',
      contactId: null,
      correlationId: null,
      sourceKey: null,
      nodes: [
        { id: 'start', type: 'trigger.manual', status: 'pending', scheduled: true },
        { id: 'shape', type: 'transform', status: 'pending', scheduled: false },
      ],
      succeededOutput: null,
      events: [{ type: 'execution.started', actorId: null, payload: '{"n":1}', occurredAt: new Date() }],
      eventCorrelationId: 'starts-spec',
      ...overrides,
    };
  }

  const rowsOf = async (id: string) => ({
    executions: Number(
      (await t.app.get(DataSource).query(`SELECT count(*) FROM executions WHERE id = $1`, [id]))[0].count,
    ),
    nodes: Number(
      (await t.app.get(DataSource).query(`SELECT count(*) FROM node_executions WHERE execution_id = $1`, [id]))[0]
        .count,
    ),
    events: Number(
      (await t.app.get(DataSource).query(`SELECT count(*) FROM event_store WHERE aggregate_id = $1`, [id]))[0].count,
    ),
  });

  it('stores one execution per source key, even when both starts share a statement', async () => {
    const sourceKey = `starts-spec:${randomUUID()}`;
    const [first, second] = [newExecution({ sourceKey }), newExecution({ sourceKey })];

    expect(
      await Promise.all([t.app.get(ExecutionStarts).store(first), t.app.get(ExecutionStarts).store(second)]),
    ).toEqual([true, false]);
    expect(await rowsOf(first.id)).toEqual({ executions: 1, nodes: 2, events: 1 });
    expect(await rowsOf(second.id)).toEqual({ executions: 0, nodes: 0, events: 0 });
  });

  it('a start that PostgreSQL refuses fails alone: the others of its statement are stored', async () => {
    const starts = [newExecution(), newExecution({ triggerInput: '{' }), newExecution()];

    const outcomes = await Promise.allSettled(starts.map((start) => t.app.get(ExecutionStarts).store(start)));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await rowsOf(starts[0].id)).toEqual({ executions: 1, nodes: 2, events: 1 });
    expect(await rowsOf(starts[1].id)).toEqual({ executions: 0, nodes: 0, events: 0 });
    expect(await rowsOf(starts[2].id)).toEqual({ executions: 1, nodes: 2, events: 1 });
  });
});
