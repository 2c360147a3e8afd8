import { jest } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../src/config/app-config.js';
import { ExecutionCancelledEvent } from '../../src/modules/executions/events/execution-cancelled.event.js';
import { ExpireResumeUrlsOnEnd } from '../../src/modules/waits/events/expire-resume-urls.handler.js';
import { ResumeRegistrationStore } from '../../src/modules/waits/resume-registration.store.js';
import { ResumeUrls } from '../../src/modules/waits/resume-urls.js';
import { WorkflowVersionReader } from '../../src/modules/workflows/workflow-version.reader.js';
import { bearer, registerTenant, type RegisteredTenant } from '../support/auth-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * An execution may end in a worker process that did not start it (nothing about it cached there):
 * its resume URLs are still expired, and an execution without a webhook wait still costs no query.
 */
describe('Resume URLs expired when an execution ends elsewhere', () => {
  let t: TestApp;
  let owner: RegisteredTenant;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    // No workers: the executions stay where they start; the spec ends them by hand.
    t = await createTestApp({
      APP_ROLE: 'api',
      QUEUE_PREFIX: `${process.env.FLOWHOOK_TEST_QUEUE_PREFIX}_expire_elsewhere`,
    });
    owner = await registerTenant(t, 'Expire elsewhere');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function startExecution(second: object): Promise<{ workflowId: string; executionId: string }> {
    const workflow = await http()
      .post('/api/workflows')
      .set(...bearer(owner))
      .send({
        name: `Flow ${Date.now()}`,
        nodes: [
          { id: 'start', type: 'trigger.manual', config: {} },
          { id: 'next', ...second },
        ],
        edges: [{ source: 'start', target: 'next' }],
      })
      .expect(201);
    const started = await http()
      .post(`/api/workflows/${workflow.body.id}/execute`)
      .set(...bearer(owner))
      .send({ input: {} })
      .expect(202);
    return { workflowId: workflow.body.id, executionId: started.body.executionId };
  }

  /** The handler as another worker process has it: its own, empty caches. */
  function handlerOfAnotherProcess(store: ResumeRegistrationStore): ExpireResumeUrlsOnEnd {
    return new ExpireResumeUrlsOnEnd(
      store,
      new ResumeUrls(store, new WorkflowVersionReader(t.app.get(DataSource)), t.app.get(AppConfig)),
    );
  }

  const cancelled = (workflowId: string, executionId: string) =>
    new ExecutionCancelledEvent({
      tenantId: owner.tenantId,
      aggregateType: 'execution',
      aggregateId: executionId,
      payload: { workflowId, workflowVersion: 1 },
    });

  it('expires the pending resume URLs of an execution with a webhook wait', async () => {
    const { workflowId, executionId } = await startExecution({ type: 'wait', config: { mode: 'webhook' } });
    const db = t.app.get(DataSource);
    const statuses = async () =>
      (await db.query(`SELECT status FROM resume_registrations WHERE execution_id = $1`, [executionId])).map(
        (row: { status: string }) => row.status,
      );
    expect(await statuses()).toEqual(['pending']);

    await handlerOfAnotherProcess(t.app.get(ResumeRegistrationStore)).handle(cancelled(workflowId, executionId));
    expect(await statuses()).toEqual(['expired']);
  });

  it('asks nothing of PostgreSQL for an execution whose version has no webhook wait', async () => {
    const { workflowId, executionId } = await startExecution({ type: 'transform', config: { set: { v: 'x' } } });
    const store = t.app.get(ResumeRegistrationStore);
    const expire = jest.spyOn(store, 'expireOpen');
    await handlerOfAnotherProcess(store).handle(cancelled(workflowId, executionId));
    expect(expire).not.toHaveBeenCalled();
    expire.mockRestore();
  });
});
