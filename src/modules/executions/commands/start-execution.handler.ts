import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { pgPool } from '../../../platform/database/pg-pool.js';
import { toPostgresJson } from '../../../platform/database/postgres-text.js';
import { ROOT_LOGGER, type RootLogger } from '../../../platform/observability/logger.module.js';
import { RequestContext } from '../../../platform/observability/request-context.js';
import type { DomainEvent } from '../../../platform/outbox/domain-event.js';
import { EVENT_STORE_INSERT } from '../../../platform/outbox/unit-of-work.js';
import { WorkflowVersionReader } from '../../workflows/workflow-version.reader.js';
import { noTriggerNode } from '../domain/execution-errors.js';
import { retryPolicyOf } from '../domain/node-retry-policy.js';
import { NodeError } from '../domain/node-error.js';
import { planStart } from '../domain/execution-planner.js';
import { ExecutionStartedEvent } from '../events/execution-started.event.js';
import { ExecutionSucceededEvent } from '../events/execution-succeeded.event.js';
import { NODE_TRIGGERED } from '../events/node-triggered.event.js';
import { NodeSucceededEvent } from '../events/node-succeeded.event.js';
import { serializeOutput } from '../node-output-limit.js';
import { NodeJobScheduler } from '../node-job.scheduler.js';
import { StartExecutionCommand } from './start-execution.command.js';

/**
 * Pins the workflow version, creates the execution, a row for every node and its events in one
 * statement (see planStart for the first node states), then queues the ready nodes. A trigger that
 * ran in the calling job (an inbound event's: `triggerRan`) is recorded succeeded with the execution,
 * so its successors are queued at once. A source key (e.g. a webhook event) starts at most one
 * execution: a re-delivery gets the first one's id.
 */
@CommandHandler(StartExecutionCommand)
export class StartExecutionHandler implements ICommandHandler<StartExecutionCommand> {
  constructor(
    private readonly eventBus: EventBus,
    private readonly workflows: WorkflowVersionReader,
    private readonly scheduler: NodeJobScheduler,
    private readonly dataSource: DataSource,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
  ) {}

  async execute(command: StartExecutionCommand): Promise<{ executionId: string }> {
    const { input } = command;
    const { version, graph } = await this.workflows.resolveForStart(command.tenantId, input.workflowId, input.version);
    const trigger = input.triggerNodeId
      ? graph.node(input.triggerNodeId)
      : graph.nodes.find((node) => node.type === input.triggerNodeType);
    if (!trigger || trigger.type !== input.triggerNodeType) throw noTriggerNode(input.triggerNodeType);

    const executionId = randomUUID();
    // An output over the limit is not recorded here: the trigger then runs as a job and fails there.
    const triggerOutput = input.triggerRan ? outputWithinLimit(input.triggerInput) : null;
    const plan = planStart(graph, trigger.id, triggerOutput !== null);
    const status = triggerOutput === null ? 'queued' : plan.finished ? 'succeeded' : 'running';
    const ref = { tenantId: command.tenantId, aggregateType: 'execution', aggregateId: executionId };
    const started = new ExecutionStartedEvent({ ...ref, actorId: command.actorId, payload: { workflowId: input.workflowId, workflowVersion: version, triggerType: input.triggerType } });
    const published: DomainEvent<object>[] = [started];
    const stored: { type: string; actorId: string | null; payload: object; occurredAt: Date }[] = [started];
    if (triggerOutput !== null) {
      const succeeded = new NodeSucceededEvent({ ...ref, payload: { nodeId: trigger.id, type: trigger.type, durationMs: 0 } });
      stored.push({ type: NODE_TRIGGERED, actorId: null, payload: { nodeId: trigger.id, type: trigger.type, attempt: 1 }, occurredAt: started.occurredAt }, succeeded);
      published.push(succeeded);
    }
    if (plan.finished) {
      const finished = new ExecutionSucceededEvent({ ...ref, payload: { workflowId: input.workflowId, workflowVersion: version, durationMs: 0 } });
      stored.push(finished);
      published.push(finished);
    }

    // One statement, so atomic without a transaction: the execution, its nodes and its events, or
    // (a re-delivered source) nothing at all. Named, so planned once per connection: it takes its
    // lists as JSON, since a named statement must take no arrays (see test/plan-cache.e2e-spec.ts).
    const { rows: created } = await pgPool(this.dataSource).query<{ id: string }>({
      name: 'start-execution',
      text: `WITH execution AS (
               INSERT INTO executions (id, tenant_id, workflow_id, workflow_version, status, trigger_type, trigger_input, contact_id, correlation_id, source_key, started_at, finished_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $5 <> 'queued' THEN now() END, CASE WHEN $5 = 'succeeded' THEN now() END)
               ON CONFLICT (tenant_id, source_key) WHERE source_key IS NOT NULL DO NOTHING
               RETURNING id
             ), nodes AS (
               INSERT INTO node_executions (tenant_id, execution_id, workflow_id, node_id, type, status, scheduled, scheduled_at, output, attempts, started_at, finished_at)
               SELECT $2, execution.id, $3, n.node_id, n.type, n.status, n.scheduled, CASE WHEN n.scheduled THEN now() END,
                      CASE WHEN n.status = 'succeeded' THEN $12::jsonb END, CASE WHEN n.status = 'succeeded' THEN 1 ELSE 0 END,
                      CASE WHEN n.status = 'succeeded' THEN now() END, CASE WHEN n.status = 'succeeded' THEN now() END
                 FROM execution CROSS JOIN jsonb_to_recordset($11::jsonb) AS n(node_id text, type text, status text, scheduled boolean)
             ), event AS (
               ${EVENT_STORE_INSERT}
               SELECT $2, e.event->>'type', 'execution', execution.id, (e.event->>'actor_id')::uuid, $14, e.event->'payload', (e.event->>'occurred_at')::timestamptz
                 FROM execution CROSS JOIN jsonb_array_elements($13::jsonb) WITH ORDINALITY AS e(event, position)
                ORDER BY e.position
             )
             SELECT id FROM execution`,
      values: [
        executionId,
        command.tenantId,
        input.workflowId,
        version,
        status,
        input.triggerType,
        toPostgresJson(input.triggerInput ?? {}),
        input.contactId ?? null,
        command.correlationId ?? null,
        input.sourceKey ?? null,
        JSON.stringify(plan.nodes.map(({ id, type, status, scheduled }) => ({ node_id: id, type, status, scheduled }))),
        triggerOutput,
        toPostgresJson(stored.map((event) => ({ type: event.type, actor_id: event.actorId, payload: event.payload, occurred_at: event.occurredAt }))),
        RequestContext.current()?.correlationId ?? null,
      ],
    });
    if (created.length === 0) {
      const [existing]: { id: string }[] = await this.dataSource.query(`SELECT id FROM executions WHERE tenant_id = $1 AND source_key = $2`, [command.tenantId, input.sourceKey]);
      return { executionId: existing.id };
    }
    this.eventBus.publishAll(published);
    // Committed: if Redis refuses the jobs now, the unqueued-node sweeper queues them later.
    await this.scheduler
      .schedule(plan.ready.map((nodeId) => ({ tenantId: command.tenantId, executionId, nodeId, run: 0, retry: retryPolicyOf(graph.node(nodeId)!) })))
      .catch((error: unknown) => this.logger.warn({ err: error, executionId }, 'execution stored but its first jobs were not queued; the sweeper will queue them'));
    return { executionId };
  }
}

function outputWithinLimit(output: unknown): string | null {
  try {
    return serializeOutput(output);
  } catch (error) {
    if (error instanceof NodeError) return null;
    throw error;
  }
}
