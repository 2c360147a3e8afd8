import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { WorkflowVersionReader } from '../src/modules/workflows/workflow-version.reader.js';
import { BatcherSaturatedError } from '../src/platform/batching/micro-batcher.js';
import { bearer, registerTenant, type RegisteredTenant } from './support/auth-helpers.js';
import { getExecution, nodeOf, waitForExecution } from './support/execution-helpers.js';
import { HttpReceiver } from './support/http-receiver.js';
import { expectProblem } from './support/problem-assertions.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

const QUEUE_PREFIX = `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_waits`;
const ONE_SECOND_IN_HOURS = 1 / 3600;

describe('Wait and resume', () => {
  let t: TestApp;
  let owner: RegisteredTenant;
  const receiver = new HttpReceiver();
  const appEnv = () => ({ QUEUE_PREFIX, OUTBOUND_ALLOWED_HOSTS: `127.0.0.1:${receiver.port}` });

  const http = () => request(t.app.getHttpServer());
  const createWorkflow = async (nodes: object[], edges: object[]) =>
    (
      await http()
        .post('/api/workflows')
        .set(...bearer(owner))
        .send({ name: `W ${randomUUID().slice(0, 8)}`, nodes, edges })
        .expect(201)
    ).body.id as string;
  const execute = async (workflowId: string, input: object = {}) =>
    (
      await http()
        .post(`/api/workflows/${workflowId}/execute`)
        .set(...bearer(owner))
        .send({ input })
        .expect(202)
    ).body.executionId as string;

  /** trigger.manual → expose (templates the resume URL) → pause (wait) → after (reads the resume body); optional extra nodes/edges. */
  const pauseWorkflow = (pause: object, extraNodes: object[] = [], extraEdges: object[] = []) =>
    createWorkflow(
      [
        { id: 'start', type: 'trigger.manual', config: {} },
        { id: 'expose', type: 'transform', config: { set: { url: '{{ $execution.pause.resume_url }}' } } },
        { id: 'pause', type: 'wait', config: pause },
        { id: 'after', type: 'transform', config: { set: { answer: '{{ nodes.pause.output.body.answer }}' } } },
        ...extraNodes,
      ],
      [
        { source: 'start', target: 'expose' },
        { source: 'expose', target: 'pause' },
        { source: 'pause', target: 'after' },
        ...extraEdges,
      ],
    );

  /** Starts an execution and waits until it is suspended at `pause`; answers the resume URL's path. */
  const startWaiting = async (workflowId: string) => {
    const executionId = await execute(workflowId);
    const execution = await waitForExecution(t, owner.accessToken, executionId, [
      'waiting',
      'succeeded',
      'failed',
      'cancelled',
    ]);
    expect(execution.status).toBe('waiting');
    const url = (nodeOf(execution, 'expose').output as { url: string }).url;
    return { executionId, url, path: new URL(url).pathname };
  };

  beforeAll(async () => {
    await receiver.start();
    t = await createTestApp(appEnv());
    owner = await registerTenant(t, 'Waits');
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  it('trigger → action.http (posts the resume URL to a receiver) → wait → transform: calling the received URL completes the execution', async () => {
    const workflowId = await createWorkflow(
      [
        { id: 'start', type: 'trigger.manual', config: {} },
        {
          id: 'notify',
          type: 'action.http',
          config: {
            method: 'POST',
            url: `${receiver.url}/approvals`,
            body: { order: '{{ trigger.body.order }}', resumeUrl: '{{ $execution.approval.resume_url }}' },
          },
        },
        { id: 'approval', type: 'wait', config: { mode: 'webhook', timeoutHours: 1 } },
        {
          id: 'finish',
          type: 'transform',
          config: {
            set: { approved: '{{ nodes.approval.output.body.approved }}', by: '{{ nodes.approval.output.body.by }}' },
          },
        },
      ],
      [
        { source: 'start', target: 'notify' },
        { source: 'notify', target: 'approval' },
        { source: 'approval', target: 'finish' },
      ],
    );
    const executionId = await execute(workflowId, { order: 'A-7' });
    const waiting = await waitForExecution(
      t,
      owner.accessToken,
      executionId,
      ['waiting', 'succeeded', 'failed', 'cancelled'],
      20000,
    );
    expect(waiting.status).toBe('waiting');
    const received = receiver.requests.find((r) => r.url === '/approvals');
    expect(received).toBeDefined();
    const sent = JSON.parse(received!.body) as { order: string; resumeUrl: string };
    expect(sent.order).toBe('A-7');
    expect(sent.resumeUrl).toMatch(
      new RegExp(`/webhook/workflow/resume/webhook_${executionId}_approval_[0-9a-f]{32}$`),
    );

    await http().post(new URL(sent.resumeUrl).pathname).send({ approved: true, by: 'ana' }).expect(200);
    const done = await waitForExecution(t, owner.accessToken, executionId);
    expect(done.status).toBe('succeeded');
    expect(nodeOf(done, 'finish').output).toEqual({ approved: true, by: 'ana' });
    // The resume id is a bearer capability: it never reaches a log line.
    const resumeId = sent.resumeUrl.split('/').pop()!;
    expect(t.logs.join('\n')).not.toContain(resumeId);
  });

  describe('webhook mode', () => {
    let workflowId: string;

    beforeAll(async () => {
      workflowId = await pauseWorkflow({ mode: 'webhook' });
    });

    it('suspends at the wait node; calling the resume URL completes the execution with the resume body', async () => {
      const { executionId, url, path } = await startWaiting(workflowId);
      expect(url).toMatch(
        new RegExp(`^http://127\\.0\\.0\\.1:3999/webhook/workflow/resume/webhook_${executionId}_pause_[0-9a-f]{32}$`),
      );
      const waiting = await getExecution(t, owner.accessToken, executionId);
      expect(nodeOf(waiting, 'pause').status).toBe('waiting');
      expect(nodeOf(waiting, 'after').status).toBe('pending');

      const resumed = await http()
        .post(`${path}?x=1&token=secret-in-query`)
        .set('X-Custom', 'kept')
        .set('Authorization', 'Bearer not-for-the-output')
        .send({ answer: 'yes', note: 'approved' });
      expect(resumed.status).toBe(200);
      expect(resumed.body).toEqual({ status: 'resumed', executionId });

      const done = await waitForExecution(t, owner.accessToken, executionId);
      expect(done.status).toBe('succeeded');
      expect(nodeOf(done, 'after').output).toEqual({ answer: 'yes' });
      const output = nodeOf(done, 'pause').output as {
        body: unknown;
        query: Record<string, unknown>;
        headers: Record<string, unknown>;
      };
      expect(output.body).toEqual({ answer: 'yes', note: 'approved' });
      expect(output.query).toEqual({ x: '1' });
      expect(output.headers['x-custom']).toBe('kept');
      expect(output.headers).not.toHaveProperty('authorization');

      // Single use: a second call conflicts.
      expectProblem(await http().post(path).send({ answer: 'again' }), 409, 'resume_consumed');
    });

    it('resumes by GET too (the query becomes the output)', async () => {
      const { executionId, path } = await startWaiting(workflowId);
      const resumed = await http().get(`${path}?choice=b`).expect(200);
      expect(resumed.body).toEqual({ status: 'resumed', executionId });
      const done = await waitForExecution(t, owner.accessToken, executionId);
      expect(done.status).toBe('succeeded');
      expect(nodeOf(done, 'pause').output).toMatchObject({ body: null, query: { choice: 'b' } });
    });

    it('answers 404 for unknown and malformed resume ids', async () => {
      expectProblem(
        await http()
          .post(`/webhook/workflow/resume/webhook_${randomUUID()}_pause_${'0'.repeat(32)}`)
          .send({}),
        404,
        'resume_not_found',
      );
      expectProblem(await http().post('/webhook/workflow/resume/not-a-resume-id').send({}), 404, 'resume_not_found');
      expectProblem(
        await http().get(`/webhook/workflow/resume/webhook_${randomUUID()}_pause_xyz`),
        404,
        'resume_not_found',
      );
    });

    it('of 20 concurrent resume calls exactly one wins; the execution continues once', async () => {
      const { executionId, path } = await startWaiting(workflowId);
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          http()
            .post(path)
            .send({ answer: `caller-${i}` }),
        ),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(19);
      for (const response of responses.filter((r) => r.status === 409)) expectProblem(response, 409);

      const done = await waitForExecution(t, owner.accessToken, executionId);
      expect(done.status).toBe('succeeded');
      const winner = (nodeOf(done, 'pause').output as { body: { answer: string } }).body.answer;
      expect(winner).toMatch(/^caller-\d+$/);
      expect(nodeOf(done, 'after')).toMatchObject({ status: 'succeeded', attempts: 1, output: { answer: winner } });
      const events = await http()
        .get('/api/events?limit=100&type=wait.resumed')
        .set(...bearer(owner))
        .expect(200);
      expect(
        events.body.items.filter((event: { aggregateId: string }) => event.aggregateId === executionId),
      ).toHaveLength(1);
      const succeeded = await http()
        .get('/api/events?limit=100&type=node.succeeded')
        .set(...bearer(owner))
        .expect(200);
      const afterRuns = succeeded.body.items.filter(
        (event: { aggregateId: string; payload: { nodeId: string } }) =>
          event.aggregateId === executionId && event.payload.nodeId === 'after',
      );
      expect(afterRuns).toHaveLength(1);
    });

    it('cancelling a waiting execution expires its resume URL (410)', async () => {
      const { executionId, path } = await startWaiting(workflowId);
      const cancelled = await http()
        .post(`/api/executions/${executionId}/cancel`)
        .set(...bearer(owner))
        .expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      expect(nodeOf(cancelled.body, 'pause').status).toBe('cancelled');
      const gone = await waitFor(
        () => http().post(path).send({ answer: 'late' }),
        (response) => response.status !== 409 && response.status !== 200,
      );
      expectProblem(gone, 410, 'resume_expired');
    });
  });

  it('answers 409 while the execution has not reached the wait node yet', async () => {
    const workflowId = await createWorkflow(
      [
        { id: 'start', type: 'trigger.manual', config: {} },
        { id: 'expose', type: 'transform', config: { set: { url: '{{ $execution.pause.resume_url }}' } } },
        { id: 'hold', type: 'wait', config: { mode: 'interval', seconds: 600 } },
        { id: 'pause', type: 'wait', config: { mode: 'webhook' } },
      ],
      [
        { source: 'start', target: 'expose' },
        { source: 'expose', target: 'hold' },
        { source: 'hold', target: 'pause' },
      ],
    );
    const executionId = await execute(workflowId);
    const execution = await waitForExecution(t, owner.accessToken, executionId, ['waiting']);
    expect(nodeOf(execution, 'hold').status).toBe('waiting');
    const path = new URL((nodeOf(execution, 'expose').output as { url: string }).url).pathname;
    const pending = await http().post(path).send({ answer: 'too early' });
    expectProblem(pending, 409, 'resume_pending');
    expect(pending.body.detail).toContain('execution has not reached this node yet');
    await http()
      .post(`/api/executions/${executionId}/cancel`)
      .set(...bearer(owner))
      .expect(200);
  });

  it('expires: the node fails with timeout and the URL answers 410', async () => {
    const workflowId = await pauseWorkflow({ mode: 'webhook', timeoutHours: ONE_SECOND_IN_HOURS });
    const { executionId, path } = await startWaiting(workflowId);
    const failed = await waitForExecution(t, owner.accessToken, executionId);
    expect(failed.status).toBe('failed');
    expect(failed.error).toEqual({ class: 'timeout', message: 'The wait timed out' });
    expect(nodeOf(failed, 'pause')).toMatchObject({ status: 'failed', error: { class: 'timeout' } });
    expect(nodeOf(failed, 'after').status).toBe('cancelled');
    expectProblem(await http().post(path).send({ answer: 'late' }), 410, 'resume_expired');
  });

  it('follows the timeout branch when one is connected', async () => {
    const workflowId = await pauseWorkflow(
      { mode: 'webhook', timeoutHours: ONE_SECOND_IN_HOURS },
      [{ id: 'late', type: 'transform', config: { set: { timedOut: true } } }],
      [{ source: 'pause', target: 'late', branch: 'timeout' }],
    );
    const { executionId, path } = await startWaiting(workflowId);
    const done = await waitForExecution(t, owner.accessToken, executionId);
    expect(done.status).toBe('succeeded');
    expect(nodeOf(done, 'pause')).toMatchObject({ status: 'succeeded', output: { reason: 'timeout' } });
    expect(nodeOf(done, 'late')).toMatchObject({ status: 'succeeded', output: { timedOut: true } });
    expect(nodeOf(done, 'after').status).toBe('skipped');
    expectProblem(await http().post(path).send({}), 410, 'resume_expired');
  });

  it('interval and until modes complete on their timers', async () => {
    const workflowId = await createWorkflow(
      [
        { id: 'start', type: 'trigger.manual', config: {} },
        { id: 'nap', type: 'wait', config: { mode: 'interval', seconds: 0.3 } },
        { id: 'past', type: 'wait', config: { mode: 'until', at: '2020-01-01T00:00:00Z' } },
        { id: 'after', type: 'transform', config: { set: { done: true } } },
      ],
      [
        { source: 'start', target: 'nap' },
        { source: 'nap', target: 'past' },
        { source: 'past', target: 'after' },
      ],
    );
    const done = await waitForExecution(t, owner.accessToken, await execute(workflowId));
    expect(done.status).toBe('succeeded');
    expect(nodeOf(done, 'nap').output).toEqual({ resumedAt: expect.any(String), reason: 'timer' });
    expect(nodeOf(done, 'past').output).toEqual({ resumedAt: expect.any(String), reason: 'timer' });
    expect(nodeOf(done, 'after').output).toEqual({ done: true });
  });

  describe('the workflow trigger route', () => {
    let workflowId: string;
    let token: string;
    const trigger = (id: string) => http().post(`/webhook/workflow/trigger/${id}`);

    beforeAll(async () => {
      workflowId = await createWorkflow(
        [
          { id: 'inbound', type: 'trigger.webhook', config: {} },
          { id: 'shape', type: 'transform', config: { set: { order: '{{ trigger.body.orderId }}' } } },
        ],
        [{ source: 'inbound', target: 'shape' }],
      );
      token = (
        await http()
          .get(`/api/workflows/${workflowId}/trigger-token`)
          .set(...bearer(owner))
          .expect(200)
      ).body.triggerToken;
    });

    it('refuses an unpublished workflow (409), then starts the published one with a good token (202)', async () => {
      expectProblem(await trigger(workflowId).set('X-Webhook-Token', token).send({ orderId: 'A-1' }), 409);
      await http()
        .post(`/api/workflows/${workflowId}/publish`)
        .set(...bearer(owner))
        .expect(200);

      const accepted = await trigger(workflowId)
        .set('X-Webhook-Token', token)
        .set('X-Trace', 't1')
        .send({ orderId: 'A-1' });
      expect(accepted.status).toBe(202);
      expect(accepted.body).toEqual({ executionId: expect.any(String) });
      const done = await waitForExecution(t, owner.accessToken, accepted.body.executionId);
      expect(done).toMatchObject({ status: 'succeeded', trigger: { type: 'trigger_route' } });
      expect(nodeOf(done, 'shape').output).toEqual({ order: 'A-1' });
      const input = (done.trigger as { input: { body: unknown; headers: Record<string, unknown> } }).input;
      expect(input.body).toEqual({ orderId: 'A-1' });
      expect(input.headers['x-trace']).toBe('t1');
      expect(input.headers).not.toHaveProperty('x-webhook-token');

      const byBearer = await trigger(workflowId)
        .set('Authorization', `Bearer ${token}`)
        .send({ orderId: 'A-2' })
        .expect(202);
      const byQuery = await trigger(workflowId).query({ token, source: 'q' }).send({ orderId: 'A-3' }).expect(202);
      expect(nodeOf(await waitForExecution(t, owner.accessToken, byBearer.body.executionId), 'shape').output).toEqual({
        order: 'A-2',
      });
      const viaQuery = await waitForExecution(t, owner.accessToken, byQuery.body.executionId);
      expect((viaQuery.trigger as { input: { query: unknown } }).input.query).toEqual({ source: 'q' });
    });

    it('answers 401 for a missing or wrong token, 404 for an unknown or malformed workflow id', async () => {
      expectProblem(await trigger(workflowId).send({}), 401, 'trigger_unauthorized');
      expectProblem(
        await trigger(workflowId).set('X-Webhook-Token', `${token}x`).send({}),
        401,
        'trigger_unauthorized',
      );
      expectProblem(await trigger(randomUUID()).set('X-Webhook-Token', token).send({}), 404);
      expectProblem(await trigger('not-a-uuid').set('X-Webhook-Token', token).send({}), 404);
    });

    it('answers 503 problem details with Retry-After while starts pile up behind a stalled PostgreSQL', async () => {
      const resolve = jest
        .spyOn(t.app.get(WorkflowVersionReader), 'resolveForStart')
        .mockRejectedValueOnce(new BatcherSaturatedError(10_000));
      try {
        const response = await trigger(workflowId).set('X-Webhook-Token', token).send({ orderId: 'A-9' });
        expectProblem(response, 503, 'dependency_unavailable');
        expect(response.body.detail).toBe('Unavailable: a dependency cannot be reached. Retry later.');
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      } finally {
        resolve.mockRestore();
      }
    });
  });

  it('a waiting execution resumes correctly after the app is closed and a new one started', async () => {
    const workflowId = await pauseWorkflow({ mode: 'webhook' });
    const { executionId, path } = await startWaiting(workflowId);
    await t.close();

    t = await createTestApp(appEnv());
    const resumed = await http().post(path).send({ answer: 'after restart' }).expect(200);
    expect(resumed.body).toEqual({ status: 'resumed', executionId });
    const done = await waitForExecution(t, owner.accessToken, executionId);
    expect(done.status).toBe('succeeded');
    expect(nodeOf(done, 'after').output).toEqual({ answer: 'after restart' });
  });
});
