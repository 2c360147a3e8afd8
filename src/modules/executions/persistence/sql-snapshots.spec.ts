import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExecutionSucceededEvent } from '../events/execution-succeeded.event.js';
import { NodeSucceededEvent } from '../events/node-succeeded.event.js';
import { insertExecutionsSql } from './execution-start.statements.js';
import {
  cancelOpenNodesSql,
  endExecutionSql,
  failNodeSql,
  lockExecutionSql,
  nodeStatusSql,
  reopenCancelledNodesSql,
  rerunFailedNodesSql,
  retryExecutionSql,
} from './execution-state.statements.js';
import { deferAttemptSql, retryAttemptSql, startNodeRunsSql } from './node-run.statements.js';
import { beginLockAndChangeSql, commitSettlementsSql } from './settlement.statements.js';
import { oneRoundTrip, type SqlStatement } from './sql-statement.js';

/**
 * Every statement of the persistence layer, built with fixed inputs and compared with its checked-in
 * snapshot in sql-snapshots/ (test/integration/engine-sql.int-spec.ts runs each against PostgreSQL).
 * A changed statement fails here until its snapshot is regenerated and the diff reviewed:
 *
 *   UPDATE_SQL_SNAPSHOTS=1 npm run test:unit -- src/modules/executions/persistence/sql-snapshots.spec.ts
 */
const SNAPSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'sql-snapshots');
const UPDATE = process.env.UPDATE_SQL_SNAPSHOTS === '1';

const TENANT = '00000000-0000-4000-8000-00000000000a';
const EXECUTION = '00000000-0000-4000-8000-000000000001';
const OTHER_EXECUTION = '00000000-0000-4000-8000-000000000002';
const AT = new Date('2030-01-02T03:04:05.000Z');
const ERROR = '{"class": "timeout", "message": "The wait timed out"}';

/** An event as recorded at AT (snapshots must not depend on the clock). */
function at<E extends { occurredAt: Date }>(event: E): E {
  return Object.assign(event, { occurredAt: AT });
}

const CASES: Record<string, SqlStatement | string> = {
  'node-run-start': startNodeRunsSql([
    { tenantId: TENANT, executionId: EXECUTION, nodeId: 'shape', run: 0, attempt: 1, correlationId: 'job-1' },
    { tenantId: TENANT, executionId: OTHER_EXECUTION, nodeId: 'call', run: 1, attempt: 3, correlationId: null },
  ]),
  'node-run-defer': deferAttemptSql({ executionId: EXECUTION, nodeId: 'call', attempt: 2 }),
  'node-run-retry': retryAttemptSql({ executionId: EXECUTION, nodeId: 'call', attempt: 2 }, ERROR),
  'settlement-begin': oneRoundTrip(
    beginLockAndChangeSql([
      {
        execution: { id: EXECUTION, tenantId: TENANT },
        change: { nodeId: 'shape', transition: 'succeed', attempt: 1, output: '{"n": 1}', branch: null, input: '{}' },
      },
      {
        execution: { id: OTHER_EXECUTION, tenantId: TENANT },
        change: { nodeId: 'pause', transition: 'resume', output: '{"ok": true}', branch: 'timeout', input: null },
      },
    ]),
  ),
  'settlement-begin-resettle': oneRoundTrip(
    beginLockAndChangeSql([{ execution: { id: EXECUTION, tenantId: TENANT } }]),
  ),
  'settlement-commit': oneRoundTrip(
    commitSettlementsSql([
      {
        executionId: EXECUTION,
        settlement: { skip: ['otherwise'], ready: ['call', 'notify'], transition: 'activate' },
        events: [
          at(
            new NodeSucceededEvent({
              tenantId: TENANT,
              aggregateType: 'execution',
              aggregateId: EXECUTION,
              payload: { nodeId: 'shape', type: 'transform', durationMs: 12 },
            }),
          ),
        ],
        correlationId: 'job-1',
      },
      {
        executionId: OTHER_EXECUTION,
        settlement: { skip: [], ready: [], transition: 'succeed' },
        events: [
          at(
            new ExecutionSucceededEvent({
              tenantId: TENANT,
              aggregateType: 'execution',
              aggregateId: OTHER_EXECUTION,
              payload: { workflowId: TENANT, workflowVersion: 3, durationMs: 40 },
            }),
          ),
        ],
        correlationId: null,
      },
    ]),
  ),
  'execution-lock': lockExecutionSql(TENANT, EXECUTION),
  'execution-node-status': nodeStatusSql(EXECUTION, 'pause'),
  'execution-fail-node': failNodeSql(EXECUTION, 'call', 'fail', 3, ERROR),
  'execution-time-out-node': failNodeSql(EXECUTION, 'pause', 'timeOut', null, ERROR),
  'execution-give-up-node': failNodeSql(EXECUTION, 'call', 'giveUp', null, ERROR),
  'execution-cancel-open-nodes': cancelOpenNodesSql(EXECUTION),
  'execution-end-failed': endExecutionSql(EXECUTION, 'fail', ERROR),
  'execution-end-cancelled': endExecutionSql(EXECUTION, 'cancel', null),
  'execution-retry-rerun-failed-nodes': rerunFailedNodesSql(EXECUTION),
  'execution-retry-reopen-cancelled-nodes': reopenCancelledNodesSql(EXECUTION),
  'execution-retry': retryExecutionSql(EXECUTION, 2),
  'execution-insert': insertExecutionsSql([
    {
      id: EXECUTION,
      tenantId: TENANT,
      workflowId: OTHER_EXECUTION,
      workflowVersion: 3,
      status: 'running',
      triggerType: 'webhook',
      triggerInput: '{"body": {}}',
      contactId: null,
      correlationId: 'request-1',
      sourceKey: 'event-1',
      nodes: [
        { id: 'in', type: 'trigger.webhook', status: 'succeeded', scheduled: false },
        { id: 'shape', type: 'transform', status: 'pending', scheduled: true },
      ],
      succeededOutput: '{"body": {}}',
      events: [
        { type: 'execution.started', actorId: null, payload: '{"workflowVersion": 3}', occurredAt: AT },
        { type: 'workflow.node.triggered', actorId: null, payload: '{"nodeId": "in"}', occurredAt: AT },
      ],
      eventCorrelationId: 'job-9',
    },
  ]),
};

/** A snapshot: the statement's parameters (JSON) on the first line when it has any, then its text. */
function snapshotOf(statement: SqlStatement | string): string {
  if (typeof statement === 'string') return `${statement}\n`;
  return `-- values: ${JSON.stringify(statement.values)}\n${statement.text}\n`;
}

describe('SQL snapshots of the engine’s statements', () => {
  it.each(Object.keys(CASES))('%s matches its checked-in snapshot', (name) => {
    const file = join(SNAPSHOTS, `${name}.sql`);
    const built = snapshotOf(CASES[name]);
    if (UPDATE) {
      mkdirSync(SNAPSHOTS, { recursive: true });
      writeFileSync(file, built);
    }
    if (!existsSync(file)) throw new Error(`No snapshot ${file}: run with UPDATE_SQL_SNAPSHOTS=1 and review it.`);
    expect(built).toBe(readFileSync(file, 'utf8'));
  });

  it('has a case for every snapshot (none is left from a statement that is gone)', () => {
    const names = readdirSync(SNAPSHOTS).map((file) => file.replace(/\.sql$/, ''));
    expect(names.sort()).toEqual(Object.keys(CASES).sort());
  });
});
