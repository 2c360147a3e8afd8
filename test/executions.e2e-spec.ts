import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { QueueNames } from '../src/platform/queue/queue-names.js';
import { bearer, registerTenant, type RegisteredTenant } from './support/auth-helpers.js';
import { getExecution, nodeOf, waitForExecution } from './support/execution-helpers.js';
import { HttpReceiver } from './support/http-receiver.js';
import { expectProblem } from './support/problem-assertions.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

describe('Execution engine', () => {
  const receiver = new HttpReceiver();
  let t: TestApp;
  let owner: RegisteredTenant;

  const http = () => request(t.app.getHttpServer());
  const createWorkflow = async (nodes: object[], edges: object[]) =>
    (
      await http()
        .post('/api/workflows')
        .set(...bearer(owner))
        .send({ name: `E ${Date.now()}`, nodes, edges })
        .expect(201)
    ).body.id as string;
  const execute = async (workflowId: string, input: object = {}) => {
    const response = await http()
      .post(`/api/workflows/${workflowId}/execute`)
      .set(...bearer(owner))
      .send({ input });
    expect(response.status).toBe(202);
    return response.body.executionId as string;
  };

  beforeAll(async () => {
    await receiver.start();
    t = await createTestApp({
      QUEUE_PREFIX: `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_engine`,
      OUTBOUND_ALLOWED_HOSTS: `127.0.0.1:${receiver.port}`,
    });
    owner = await registerTenant(t, 'Engine');
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  describe('a branching workflow (trigger → condition → two transforms → join)', () => {
    let workflowId: string;

    beforeAll(async () => {
      workflowId = await createWorkflow(
        [
          { id: 'start', type: 'trigger.manual', config: {} },
          { id: 'check', type: 'condition', config: { expression: '{{ trigger.body.amount > 100 }}' } },
          {
            id: 'big',
            type: 'transform',
            config: { set: { size: 'big', 'detail.amount': '{{ trigger.body.amount }}' } },
          },
          { id: 'small', type: 'transform', config: { set: { size: 'small' } } },
          {
            id: 'join',
            type: 'transform',
            config: {
              set: {
                summary:
                  'Order {{ execution.id }} is {{ nodes.big.output.size ? nodes.big.output.size : nodes.small.output.size }}',
              },
            },
          },
        ],
        [
          { source: 'start', target: 'check' },
          { source: 'check', target: 'big', branch: 'true' },
          { source: 'check', target: 'small', branch: 'false' },
          { source: 'big', target: 'join' },
          { source: 'small', target: 'join' },
        ],
      );
    });

    it('takes the true branch for a big amount', async () => {
      const executionId = await execute(workflowId, { amount: 150 });
      const execution = await waitForExecution(t, owner.accessToken, executionId);
      expect(execution).toMatchObject({
        status: 'succeeded',
        workflowId,
        workflowVersion: 1,
        trigger: { type: 'manual', input: { body: { amount: 150 } } },
      });
      const status = Object.fromEntries(execution.nodeExecutions.map((n) => [n.nodeId, n.status]));
      expect(status).toEqual({
        start: 'succeeded',
        check: 'succeeded',
        big: 'succeeded',
        small: 'skipped',
        join: 'succeeded',
      });
      expect(nodeOf(execution, 'check').output).toEqual({ result: true });
      expect(nodeOf(execution, 'big').output).toEqual({ size: 'big', detail: { amount: 150 } });
      expect(nodeOf(execution, 'join').output).toEqual({ summary: `Order ${executionId} is big` });
      expect(execution.nodeExecutions.filter((n) => n.status === 'succeeded').every((n) => n.attempts === 1)).toBe(
        true,
      );
      expect(execution.startedAt).toEqual(expect.any(String));
      expect(execution.finishedAt).toEqual(expect.any(String));
    });

    it('takes the false branch for a small amount', async () => {
      const executionId = await execute(workflowId, { amount: 50 });
      const execution = await waitForExecution(t, owner.accessToken, executionId);
      const status = Object.fromEntries(execution.nodeExecutions.map((n) => [n.nodeId, n.status]));
      expect(status).toEqual({
        start: 'succeeded',
        check: 'succeeded',
        big: 'skipped',
        small: 'succeeded',
        join: 'succeeded',
      });
      expect(nodeOf(execution, 'join').output).toEqual({ summary: `Order ${executionId} is small` });
    });

    it('lists executions with filters, and a node history', async () => {
      const list = await http()
        .get(`/api/workflows/${workflowId}/executions?status=succeeded&limit=100`)
        .set(...bearer(owner))
        .expect(200);
      expect(list.body.total).toBeGreaterThanOrEqual(2);
      expect(list.body.items.every((e: { status: string }) => e.status === 'succeeded')).toBe(true);
      const future = await http()
        .get(`/api/workflows/${workflowId}/executions?dateFrom=2999-01-01T00:00:00Z`)
        .set(...bearer(owner))
        .expect(200);
      expect(future.body.total).toBe(0);
      const history = await http()
        .get(`/api/workflows/${workflowId}/nodes/big/executions`)
        .set(...bearer(owner))
        .expect(200);
      expect(history.body.items).toEqual([
        expect.objectContaining({
          nodeId: 'big',
          status: 'succeeded',
          output: { size: 'big', detail: { amount: 150 } },
        }),
      ]);
      expectProblem(
        await http()
          .get(`/api/workflows/${workflowId}/executions?dateFrom=yesterday`)
          .set(...bearer(owner)),
        400,
        'validation_failed',
      );
    });

    it('records the engine events in the audit log', async () => {
      const executionId = await execute(workflowId, { amount: 1 });
      await waitForExecution(t, owner.accessToken, executionId);
      const log = await http()
        .get('/api/events?limit=100&type=execution.succeeded')
        .set(...bearer(owner))
        .expect(200);
      expect(log.body.items.map((e: { aggregateId: string }) => e.aggregateId)).toContain(executionId);
      const all = await http()
        .get('/api/events?limit=100')
        .set(...bearer(owner))
        .expect(200);
      const types = all.body.items
        .filter((e: { aggregateId: string }) => e.aggregateId === executionId)
        .map((e: { type: string }) => e.type);
      expect(types[0]).toBe('execution.started');
      expect(types).toEqual(
        expect.arrayContaining(['workflow.node.triggered', 'node.succeeded', 'execution.succeeded']),
      );
      expect(types.filter((type: string) => type === 'node.succeeded')).toHaveLength(4);
    });
  });

  it("a failing node's error class and message are visible and fail the execution", async () => {
    const workflowId = await createWorkflow(
      [
        { id: 'start', type: 'trigger.manual', config: {} },
        { id: 'broken', type: 'transform', config: { set: { x: '{{ $number("not a number") }}' } } },
        { id: 'after', type: 'transform', config: { set: { y: 1 } } },
      ],
      [
        { source: 'start', target: 'broken' },
        { source: 'broken', target: 'after' },
      ],
    );
    const execution = await waitForExecution(t, owner.accessToken, await execute(workflowId));
    expect(execution.status).toBe('failed');
    expect(execution.error).toEqual({ class: 'expression_error', message: expect.stringContaining('$number') });
    expect(nodeOf(execution, 'broken')).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { class: 'expression_error' },
    });
    expect(nodeOf(execution, 'after').status).toBe('cancelled');
  });

  it('refuses node outputs over 1 MiB with output_too_large', async () => {
    const workflowId = await createWorkflow(
      [
        { id: 'start', type: 'trigger.manual', config: {} },
        {
          id: 'huge',
          type: 'transform',
          config: {
            set: { a: '{{ trigger.body.chunk }}', b: '{{ trigger.body.chunk }}', c: '{{ trigger.body.chunk }}' },
          },
        },
      ],
      [{ source: 'start', target: 'huge' }],
    );
    const execution = await waitForExecution(
      t,
      owner.accessToken,
      await execute(workflowId, { chunk: 'x'.repeat(400_000) }),
    );
    expect(execution.status).toBe('failed');
    // The evaluator's 1 MiB result bound or the engine's output bound, whichever trips first.
    expect(nodeOf(execution, 'huge').error).toEqual({
      class: expect.stringMatching(/^(output_too_large|expression_error)$/),
      message: expect.stringMatching(/too large|larger than/i),
    });
  });

  it('expressions that reach for process, the prototype chain or loop forever fail the node cleanly; the worker stays healthy', async () => {
    for (const expression of [
      '{{ constructor.constructor("return process")() }}',
      '{{ ($f := function($x){ $f($x) }; $f(1)) }}',
      '{{ $eval("1") }}',
    ]) {
      const workflowId = await createWorkflow(
        [
          { id: 'start', type: 'trigger.manual', config: {} },
          { id: 'evil', type: 'transform', config: { set: { x: expression } } },
        ],
        [{ source: 'start', target: 'evil' }],
      );
      const execution = await waitForExecution(t, owner.accessToken, await execute(workflowId));
      const evil = nodeOf(execution, 'evil');
      if (execution.status === 'failed') expect(evil.error?.class).toBe('expression_error');
      else expect(JSON.stringify(evil.output)).not.toMatch(/process|env|PATH/);
    }
    const healthy = await createWorkflow(
      [
        { id: 'start', type: 'trigger.manual', config: {} },
        { id: 'ok', type: 'transform', config: { set: { ok: true } } },
      ],
      [{ source: 'start', target: 'ok' }],
    );
    expect((await waitForExecution(t, owner.accessToken, await execute(healthy))).status).toBe('succeeded');
  });

  describe('cancel and retry', () => {
    it('cancel: nothing new starts, the execution is cancelled; cancelling again is 409', async () => {
      // This spec has a queue prefix of its own, so pausing its queue holds back no other spec.
      const queue = t.app.get<Queue>(getQueueToken(QueueNames.nodes));
      await queue.pause();
      try {
        const workflowId = await createWorkflow(
          [
            { id: 'start', type: 'trigger.manual', config: {} },
            { id: 'next', type: 'transform', config: { set: { a: 1 } } },
          ],
          [{ source: 'start', target: 'next' }],
        );
        const executionId = await execute(workflowId);
        const cancelled = await http()
          .post(`/api/executions/${executionId}/cancel`)
          .set(...bearer(owner))
          .expect(200);
        expect(cancelled.body.status).toBe('cancelled');
        expect(cancelled.body.nodeExecutions.map((n: { status: string }) => n.status)).toEqual([
          'cancelled',
          'cancelled',
        ]);
        expectProblem(
          await http()
            .post(`/api/executions/${executionId}/cancel`)
            .set(...bearer(owner)),
          409,
          'execution_finished',
        );
        await queue.resume();
        await waitFor(
          () => queue.getJobCounts('waiting', 'active', 'prioritized'),
          (counts) => counts.waiting + counts.active + counts.prioritized === 0,
        );
        expect((await getExecution(t, owner.accessToken, executionId)).status).toBe('cancelled');
      } finally {
        await queue.resume();
      }
    });

    it('retry re-runs the same execution from its failed node with the recorded inputs', async () => {
      // The target refuses the first call (409: not retried) and accepts the next one.
      receiver.plan({ status: 409, headers: { 'content-type': 'application/json' }, body: '{"ready":false}' });
      const workflowId = await createWorkflow(
        [
          { id: 'start', type: 'trigger.manual', config: {} },
          { id: 'first', type: 'transform', config: { set: { seen: '{{ trigger.body.value }}' } } },
          {
            id: 'flaky',
            type: 'action.http',
            config: { method: 'POST', url: `${receiver.url}/flaky`, body: { seen: '{{ nodes.first.output.seen }}' } },
          },
        ],
        [
          { source: 'start', target: 'first' },
          { source: 'first', target: 'flaky' },
        ],
      );
      const executionId = await execute(workflowId, { value: 'kept' });
      const failed = await waitForExecution(t, owner.accessToken, executionId);
      expect(failed.status).toBe('failed');
      expect(nodeOf(failed, 'flaky').error).toEqual({ class: 'http_4xx', message: expect.stringContaining('409') });

      const retried = await http()
        .post(`/api/executions/${executionId}/retry`)
        .set(...bearer(owner))
        .expect(202);
      expect(retried.body).toEqual({ executionId });
      const done = await waitForExecution(t, owner.accessToken, executionId, ['succeeded']);
      expect(nodeOf(done, 'flaky').output).toMatchObject({ status: 200, body: { received: true } });
      expect(receiver.requests.filter((r) => r.url === '/flaky').map((r) => JSON.parse(r.body))).toEqual([
        { seen: 'kept' },
        { seen: 'kept' },
      ]);
      expect(nodeOf(done, 'first').attempts).toBe(1);
      expectProblem(
        await http()
          .post(`/api/executions/${executionId}/retry`)
          .set(...bearer(owner)),
        409,
        'execution_not_failed',
      );
    });
  });

  it('answers 404 for another tenant and unknown executions, 400 for malformed ids', async () => {
    const other = await registerTenant(t, 'Other');
    const workflowId = await createWorkflow([{ id: 'start', type: 'trigger.manual', config: {} }], []);
    const executionId = await execute(workflowId);
    expectProblem(
      await http()
        .get(`/api/executions/${executionId}`)
        .set(...bearer(other)),
      404,
      'execution_not_found',
    );
    expectProblem(
      await http()
        .post(`/api/workflows/${workflowId}/execute`)
        .set(...bearer(other))
        .send({}),
      404,
      'workflow_not_found',
    );
    expectProblem(
      await http()
        .get('/api/executions/nope')
        .set(...bearer(owner)),
      400,
    );
    expectProblem(
      await http()
        .post(`/api/workflows/${workflowId}/execute`)
        .set(...bearer(owner))
        .send({ input: 'text' }),
      400,
      'validation_failed',
    );
  });

  it('finishes when some nodes can never be reached (another trigger, a step without inputs)', async () => {
    const workflowId = await createWorkflow(
      [
        { id: 'start', type: 'trigger.manual', config: {} },
        { id: 'hook', type: 'trigger.webhook', config: {} },
        { id: 'orphan', type: 'transform', config: { set: { a: 1 } } },
        { id: 'afterOrphan', type: 'transform', config: { set: { b: 1 } } },
        { id: 'next', type: 'transform', config: { set: { c: 1 } } },
      ],
      [
        { source: 'start', target: 'next' },
        { source: 'hook', target: 'next' },
        { source: 'orphan', target: 'afterOrphan' },
      ],
    );
    const execution = await waitForExecution(t, owner.accessToken, await execute(workflowId));
    expect(execution.status).toBe('succeeded');
    expect(Object.fromEntries(execution.nodeExecutions.map((n) => [n.nodeId, n.status]))).toEqual({
      start: 'succeeded',
      hook: 'skipped',
      orphan: 'skipped',
      afterOrphan: 'skipped',
      next: 'succeeded',
    });
  });

  it('a workflow without trigger.manual cannot be executed by hand (409)', async () => {
    const workflowId = await createWorkflow([{ id: 'hook', type: 'trigger.webhook', config: {} }], []);
    expectProblem(
      await http()
        .post(`/api/workflows/${workflowId}/execute`)
        .set(...bearer(owner))
        .send({}),
      409,
      'no_trigger_node',
    );
  });
});
