import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { pgPool } from '../../../platform/database/pg-pool.js';
import { toPostgresJson } from '../../../platform/database/postgres-text.js';
import { ROOT_LOGGER, type RootLogger } from '../../../platform/observability/logger.module.js';
import { RequestContext } from '../../../platform/observability/request-context.js';
import { EVENT_STORE_INSERT } from '../../../platform/outbox/unit-of-work.js';
import { WorkflowVersionReader } from '../../workflows/workflow-version.reader.js';
import { noTriggerNode } from '../domain/execution-errors.js';
import { retryPolicyOf } from '../domain/node-retry-policy.js';
import { ExecutionStartedEvent } from '../events/execution-started.event.js';
import { NodeJobScheduler } from '../node-job.scheduler.js';
import { StartExecutionCommand } from './start-execution.command.js';

/**
 * Pins the workflow version, creates the execution and a `pending` row for every node in one
 * statement (entry nodes other than the starting trigger are `skipped`), then queues the starting trigger.
 * A source key (e.g. a webhook event) starts at most one execution: a re-delivery gets the first one's id.
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
    // Every other entry node (other triggers, steps no edge reaches) can never run: skipped from the start.
    const nodeRows = graph.nodes.map((node) => ({
      node_id: node.id,
      type: node.type,
      status: node.id === trigger.id ? 'pending' : graph.incomingEdges(node.id).length === 0 ? 'skipped' : 'pending',
    }));
    const started = new ExecutionStartedEvent({
      tenantId: command.tenantId,
      actorId: command.actorId,
      aggregateType: 'execution',
      aggregateId: executionId,
      payload: { workflowId: input.workflowId, workflowVersion: version, triggerType: input.triggerType },
    });
    // One statement, so atomic without a transaction: the execution, its nodes and its event, or
    // (a re-delivered source) nothing at all. Named, so planned once per connection: it takes the node
    // list as JSON, since a named statement must take no arrays (see test/plan-cache.e2e-spec.ts).
    const { rows: created } = await pgPool(this.dataSource).query<{ id: string }>({
      name: 'start-execution',
      text: `WITH execution AS (
               INSERT INTO executions (id, tenant_id, workflow_id, workflow_version, status, trigger_type, trigger_input, contact_id, correlation_id, source_key)
               VALUES ($1, $2, $3, $4, 'queued', $5, $6, $7, $8, $9)
               ON CONFLICT (tenant_id, source_key) WHERE source_key IS NOT NULL DO NOTHING
               RETURNING id
             ), nodes AS (
               INSERT INTO node_executions (tenant_id, execution_id, workflow_id, node_id, type, status, scheduled, scheduled_at)
               SELECT $2, execution.id, $3, n.node_id, n.type, n.status, n.node_id = $10, CASE WHEN n.node_id = $10 THEN now() END
                 FROM execution CROSS JOIN jsonb_to_recordset($11::jsonb) AS n(node_id text, type text, status text)
             ), event AS (
               ${EVENT_STORE_INSERT}
               SELECT $2, $12, 'execution', execution.id, $13, $14, $15::jsonb, $16 FROM execution
             )
             SELECT id FROM execution`,
      values: [
        executionId,
        command.tenantId,
        input.workflowId,
        version,
        input.triggerType,
        toPostgresJson(input.triggerInput ?? {}),
        input.contactId ?? null,
        command.correlationId ?? null,
        input.sourceKey ?? null,
        trigger.id,
        JSON.stringify(nodeRows),
        started.type,
        started.actorId,
        RequestContext.current()?.correlationId ?? null,
        JSON.stringify(started.payload),
        started.occurredAt,
      ],
    });
    if (created.length === 0) {
      const [existing]: { id: string }[] = await this.dataSource.query(`SELECT id FROM executions WHERE tenant_id = $1 AND source_key = $2`, [command.tenantId, input.sourceKey]);
      return { executionId: existing.id };
    }
    this.eventBus.publish(started);
    // Committed: if Redis refuses the job now, the unqueued-node sweeper queues it later.
    await this.scheduler
      .schedule([{ tenantId: command.tenantId, executionId, nodeId: trigger.id, run: 0, retry: retryPolicyOf(trigger) }])
      .catch((error: unknown) => this.logger.warn({ err: error, executionId }, 'execution stored but its first job was not queued; the sweeper will queue it'));
    return { executionId };
  }
}
