import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RunNodeCommand } from '../../src/modules/executions/commands/run-node.command.js';
import { NodeSettlements } from '../../src/modules/executions/node-settlements.js';
import { NodeRunStore } from '../../src/modules/executions/persistence/node-run.store.js';
import { changeAndReadStatesSql } from '../../src/modules/executions/persistence/settlement.statements.js';
import { WorkflowVersionReader } from '../../src/modules/workflows/workflow-version.reader.js';
import { RequestContext } from '../../src/platform/observability/request-context.js';
import { bearer, registerTenant, type RegisteredTenant } from '../support/auth-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { manualTransformGraph } from '../support/workflow-fixtures.js';

/** Node outcomes recorded at once share one transaction (NodeSettlements); these run node jobs by hand. */
describe('Settlements committed together', () => {
  let t: TestApp;
  let owner: RegisteredTenant;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    // No workers: the spec decides which node runs when.
    t = await createTestApp({ APP_ROLE: 'api', QUEUE_PREFIX: `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_settlements` });
    owner = await registerTenant(t, 'Settlements');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function startExecution(graph: object): Promise<{ executionId: string; workflowId: string }> {
    const workflow = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({ name: `Flow ${Date.now()}`, ...graph })
      .expect(201);
    const started = await http()
      .post(`/api/workflows/${workflow.body.id}/execute`)
      .set(...bearer(owner))
      .send({ input: {} })
      .expect(202);
    return { executionId: started.body.executionId, workflowId: workflow.body.id };
  }

  const run = (executionId: string, nodeId: string) =>
    t.app.get(CommandBus).execute(new RunNodeCommand({ tenantId: owner.tenantId, executionId, nodeId, run: 0 }, 1, 3));

  async function nodeRows(executionId: string): Promise<Record<string, { status: string; scheduled: boolean }>> {
    const rows: { nodeId: string; status: string; scheduled: boolean }[] = await t.app
      .get(DataSource)
      .query(`SELECT node_id AS "nodeId", status, scheduled FROM node_executions WHERE execution_id = $1`, [
        executionId,
      ]);
    return Object.fromEntries(rows.map(({ nodeId, ...row }) => [nodeId, row]));
  }

  it('two branches finishing at once schedule their join once, and the execution completes', async () => {
    const { executionId } = await startExecution({
      nodes: [
        { id: 'start', type: 'trigger.manual', config: {} },
        { id: 'a', type: 'transform', config: { set: { v: 'a' } } },
        { id: 'b', type: 'transform', config: { set: { v: 'b' } } },
        { id: 'join', type: 'transform', config: { set: { both: '{{ nodes.a.output.v & nodes.b.output.v }}' } } },
      ],
      edges: [
        { source: 'start', target: 'a' },
        { source: 'start', target: 'b' },
        { source: 'a', target: 'join' },
        { source: 'b', target: 'join' },
      ],
    });
    await run(executionId, 'start');

    // Each in its own job context: the events of a shared transaction keep their own correlation ids.
    await Promise.all(
      ['a', 'b'].map((nodeId) =>
        RequestContext.run({ correlationId: `job-${nodeId}` }, () => run(executionId, nodeId)),
      ),
    );
    expect(await nodeRows(executionId)).toMatchObject({
      a: { status: 'succeeded' },
      b: { status: 'succeeded' },
      join: { status: 'pending', scheduled: true },
    });

    await run(executionId, 'join');
    const [execution] = await t.app.get(DataSource).query(`SELECT status FROM executions WHERE id = $1`, [executionId]);
    expect(execution.status).toBe('succeeded');
    const events: { nodeId: string; correlationId: string | null }[] = await t.app
      .get(DataSource)
      .query(
        `SELECT payload->>'nodeId' AS "nodeId", correlation_id AS "correlationId" FROM event_store WHERE aggregate_id = $1 AND type = 'node.succeeded' ORDER BY 1`,
        [executionId],
      );
    expect(events).toEqual([
      { nodeId: 'a', correlationId: 'job-a' },
      { nodeId: 'b', correlationId: 'job-b' },
      { nodeId: 'join', correlationId: null },
      { nodeId: 'start', correlationId: null },
    ]);
  });

  it('a settlement that fails fails alone: the others of its transaction are committed', async () => {
    const executions = [
      await startExecution(manualTransformGraph()),
      await startExecution(manualTransformGraph()),
      await startExecution(manualTransformGraph()),
    ];
    const reader = t.app.get(WorkflowVersionReader);
    const settlements = t.app.get(NodeSettlements);
    // Their triggers' jobs start attempt 1; its outcome is then settled by hand.
    const runs = t.app.get(NodeRunStore);
    for (const { executionId } of executions)
      await runs.start({
        tenantId: owner.tenantId,
        executionId,
        nodeId: 'start',
        run: 0,
        attempt: 1,
        correlationId: null,
      });
    const requests = await Promise.all(
      executions.map(async ({ executionId, workflowId }, i) => ({
        execution: { id: executionId, tenantId: owner.tenantId },
        correlationId: null,
        graph: await reader.graph(owner.tenantId, workflowId, 1),
        // The second one's output is not JSON: PostgreSQL refuses it.
        change: {
          nodeId: 'start',
          transition: 'succeed' as const,
          attempt: 1,
          output: i === 1 ? '{' : '{"ok":true}',
          branch: null,
          input: null,
        },
      })),
    );

    const outcomes = await Promise.allSettled(requests.map((settlement) => settlements.settle(settlement)));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[0]).toMatchObject({
      value: { applied: true, toSchedule: [expect.objectContaining({ nodeId: 'shape' })] },
    });
    expect((await nodeRows(executions[0].executionId)).start.status).toBe('succeeded');
    expect((await nodeRows(executions[1].executionId)).start.status).toBe('running');
    expect((await nodeRows(executions[2].executionId)).start.status).toBe('succeeded');
  });

  it('the settle statement finds an execution’s nodes by its id, never through the tenant’s index', async () => {
    const { executionId } = await startExecution(manualTransformGraph());
    const change = {
      nodeId: 'start',
      transition: 'succeed' as const,
      attempt: 1,
      output: '{}',
      branch: null,
      input: null,
    };
    const execution = { id: executionId, tenantId: owner.tenantId };
    for (const targets of [[{ execution, change }], [{ execution }]]) {
      const [{ 'QUERY PLAN': plan }] = (await t.app
        .get(DataSource)
        .query(`EXPLAIN (FORMAT JSON) ${changeAndReadStatesSql(targets)}`)) as { 'QUERY PLAN': unknown }[];
      expect(JSON.stringify(plan)).not.toContain('node_executions_tenant_workflow_node_idx');
    }
  });
});
