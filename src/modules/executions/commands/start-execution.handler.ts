import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { toPostgresJson } from '../../../platform/database/postgres-text.js';
import { ROOT_LOGGER, type RootLogger } from '../../../platform/observability/logger.module.js';
import { RequestContext } from '../../../platform/observability/request-context.js';
import type { DomainEvent } from '../../../platform/outbox/domain-event.js';
import { WorkflowVersionReader } from '../../workflows/index.js';
import { noTriggerNode } from '../domain/execution-errors.js';
import { retryPolicyOf } from '../domain/node-retry-policy.js';
import { planStart } from '../domain/execution-planner.js';
import { ExecutionStartedEvent } from '../events/execution-started.event.js';
import { ExecutionSucceededEvent } from '../events/execution-succeeded.event.js';
import { NODE_TRIGGERED } from '../events/node-triggered.event.js';
import { NodeSucceededEvent } from '../events/node-succeeded.event.js';
import { isWithinOutputLimit } from '../node-output-limit.js';
import { ExecutionStarts } from '../persistence/execution-starts.js';
import { NodeJobScheduler } from '../node-job.scheduler.js';
import { StartExecutionCommand } from './start-execution.command.js';

/**
 * Pins the workflow version, stores the execution, a row for every node and its events atomically
 * (ExecutionStarts; see planStart for the first node states), then queues the ready nodes. A trigger that
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
    private readonly starts: ExecutionStarts,
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
    const triggerInput = toPostgresJson(input.triggerInput ?? {}, 'The trigger input');
    // A trigger's output is its input. One over the limit is not recorded here: the trigger then runs
    // as a job of its own and fails there with output_too_large.
    const triggerOutput = input.triggerRan && isWithinOutputLimit(triggerInput) ? triggerInput : null;
    const plan = planStart(graph, trigger.id, triggerOutput !== null);
    const status = triggerOutput === null ? 'queued' : plan.finished ? 'succeeded' : 'running';
    const ref = { tenantId: command.tenantId, aggregateType: 'execution', aggregateId: executionId };
    const started = new ExecutionStartedEvent({
      ...ref,
      actorId: command.actorId,
      payload: { workflowId: input.workflowId, workflowVersion: version, triggerType: input.triggerType },
    });
    const published: DomainEvent<object>[] = [started];
    const recorded: { type: string; actorId: string | null; payload: object; occurredAt: Date }[] = [started];
    if (triggerOutput !== null) {
      const succeeded = new NodeSucceededEvent({
        ...ref,
        payload: { nodeId: trigger.id, type: trigger.type, durationMs: 0 },
      });
      recorded.push(
        {
          type: NODE_TRIGGERED,
          actorId: null,
          payload: { nodeId: trigger.id, type: trigger.type, attempt: 1 },
          occurredAt: started.occurredAt,
        },
        succeeded,
      );
      published.push(succeeded);
    }
    if (plan.finished) {
      const finished = new ExecutionSucceededEvent({
        ...ref,
        payload: { workflowId: input.workflowId, workflowVersion: version, durationMs: 0 },
      });
      recorded.push(finished);
      published.push(finished);
    }

    const stored = await this.starts.store({
      id: executionId,
      tenantId: command.tenantId,
      workflowId: input.workflowId,
      workflowVersion: version,
      status,
      triggerType: input.triggerType,
      triggerInput,
      contactId: input.contactId ?? null,
      correlationId: command.correlationId ?? null,
      sourceKey: input.sourceKey ?? null,
      nodes: plan.nodes,
      succeededOutput: triggerOutput,
      events: recorded.map((event) => ({
        type: event.type,
        actorId: event.actorId,
        payload: toPostgresJson(event.payload),
        occurredAt: event.occurredAt,
      })),
      eventCorrelationId: RequestContext.current()?.correlationId ?? null,
    });
    if (!stored) {
      const [existing]: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM executions WHERE tenant_id = $1 AND source_key = $2`,
        [command.tenantId, input.sourceKey],
      );
      return { executionId: existing.id };
    }
    this.eventBus.publishAll(published);
    // Committed: if Redis refuses the jobs now, the unqueued-node sweeper queues them later.
    await this.scheduler
      .schedule(
        plan.ready.map((nodeId) => ({
          tenantId: command.tenantId,
          executionId,
          nodeId,
          run: 0,
          retry: retryPolicyOf(graph.node(nodeId)!),
        })),
      )
      .catch((error: unknown) =>
        this.logger.warn(
          { err: error, executionId },
          'execution stored but its first jobs were not queued; the sweeper will queue them',
        ),
      );
    return { executionId };
  }
}
