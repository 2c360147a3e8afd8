import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import { ExpressionError } from '../../../platform/expressions/expression-error.js';
import { ROOT_LOGGER, type RootLogger } from '../../../platform/observability/logger.module.js';
import type { DomainEvent } from '../../../platform/outbox/domain-event.js';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import type { WorkflowGraph, WorkflowNode } from '../../workflows/domain/workflow-graph.js';
import { WorkflowVersionReader } from '../../workflows/workflow-version.reader.js';
import type { ErrorInfo } from '../domain/execution-status.js';
import { NodeError } from '../domain/node-error.js';
import type { NodeResult } from '../domain/node-handler.js';
import { ExecutionFailedEvent } from '../events/execution-failed.event.js';
import { ExecutionSucceededEvent } from '../events/execution-succeeded.event.js';
import { NodeFailedEvent } from '../events/node-failed.event.js';
import { NodeSucceededEvent } from '../events/node-succeeded.event.js';
import { NodeTriggeredEvent } from '../events/node-triggered.event.js';
import { ExecutionContextLoader } from '../execution-context.loader.js';
import { ExecutionStateStore, type LockedExecution } from '../execution-state.store.js';
import { NodeHandlerRegistry } from '../node-handler.registry.js';
import { NodeJobScheduler } from '../node-job.scheduler.js';
import { serializeOutput } from '../node-output-limit.js';
import { RunNodeCommand, type RunNodeOutcome } from './run-node.command.js';

interface ExecutionRow {
  id: string;
  tenantId: string;
  workflowId: string;
  workflowVersion: number;
  status: string;
  retryCount: number;
  triggerInput: unknown;
  contactId: string | null;
  startedAt: Date | null;
  nodeStatus: string;
  nodeType: string;
}

/**
 * Runs one node: checks the recorded state first (a re-delivered job does no harm and no node
 * recorded `succeeded` runs again), records the attempt, runs the type's handler, then records the
 * outcome and queues what became ready, in one transaction with its events.
 */
@CommandHandler(RunNodeCommand)
export class RunNodeHandler implements ICommandHandler<RunNodeCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly workflows: WorkflowVersionReader,
    private readonly registry: NodeHandlerRegistry,
    private readonly store: ExecutionStateStore,
    private readonly contexts: ExecutionContextLoader,
    private readonly scheduler: NodeJobScheduler,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
  ) {}

  async execute(command: RunNodeCommand): Promise<RunNodeOutcome> {
    const { tenantId, executionId, nodeId, run } = command.job;
    const rows: ExecutionRow[] = await this.dataSource.query(
      `SELECT e.id, e.tenant_id AS "tenantId", e.workflow_id AS "workflowId", e.workflow_version AS "workflowVersion", e.status,
              e.retry_count AS "retryCount", e.trigger_input AS "triggerInput", e.contact_id AS "contactId", e.started_at AS "startedAt",
              n.status AS "nodeStatus", n.type AS "nodeType"
         FROM executions e JOIN node_executions n ON n.execution_id = e.id AND n.node_id = $3
        WHERE e.id = $1 AND e.tenant_id = $2`,
      [executionId, tenantId, nodeId],
    );
    const execution = rows[0];
    if (!execution || execution.retryCount !== run) return { kind: 'done' };
    const graph = await this.workflows.graph(tenantId, execution.workflowId, execution.workflowVersion);
    const node = graph.node(nodeId);
    if (!node) return { kind: 'done' };

    if (execution.nodeStatus === 'succeeded') {
      // Re-delivered after the outcome was committed: only make sure the successors are queued.
      await this.settle(execution, graph);
      return { kind: 'done' };
    }
    if (execution.nodeStatus !== 'pending' && execution.nodeStatus !== 'running') return { kind: 'done' };
    if (['succeeded', 'failed', 'cancelled'].includes(execution.status)) return { kind: 'done' };

    const handler = this.registry.get(node.type);
    await this.markRunning(execution, node, command.attempt);
    let result: NodeResult;
    try {
      if (!handler) throw new NodeError('unknown_node_type', `No handler is registered for node type ${node.type}.`, false);
      const loaded = await this.contexts.load(this.dataSource.manager, execution);
      result = await handler.run({
        tenantId,
        executionId,
        workflowId: execution.workflowId,
        node,
        attempt: command.attempt,
        maxAttempts: command.maxAttempts,
        correlationId: command.job.correlationId,
        ...loaded,
      });
      if (result.kind === 'completed') serializeOutput(result.output);
    } catch (error) {
      const nodeError = this.toNodeError(error, node);
      if (nodeError.retryable && command.attempt < command.maxAttempts) {
        await this.recordRetryableFailure(execution, node, nodeError);
        return { kind: 'retry', error: nodeError };
      }
      await this.fail(execution, node, nodeError);
      return { kind: 'done' };
    }

    if (result.kind === 'deferred') {
      await this.dataSource.query(
        `UPDATE node_executions SET status = 'pending', attempts = greatest(attempts - 1, 0) WHERE execution_id = $1 AND node_id = $2`,
        [executionId, nodeId],
      );
      return { kind: 'deferred', delayMs: result.delayMs };
    }
    await this.complete(execution, graph, node, result);
    return { kind: 'done' };
  }

  private async markRunning(execution: ExecutionRow, node: WorkflowNode, attempt: number): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      await tx.manager.query(
        `UPDATE node_executions SET status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()), error = NULL
          WHERE execution_id = $1 AND node_id = $2`,
        [execution.id, node.id],
      );
      if (execution.status === 'queued') {
        await tx.manager.query(`UPDATE executions SET status = 'running', started_at = coalesce(started_at, now()) WHERE id = $1 AND status = 'queued'`, [execution.id]);
      }
      tx.record(new NodeTriggeredEvent({ tenantId: execution.tenantId, aggregateType: 'execution', aggregateId: execution.id, payload: { nodeId: node.id, type: node.type, attempt } }));
    });
  }

  private async complete(execution: ExecutionRow, graph: WorkflowGraph, node: WorkflowNode, result: Exclude<NodeResult, { kind: 'deferred' }>): Promise<void> {
    const waiting = result.kind === 'waiting';
    const output = result.output === undefined ? null : serializeOutput(result.output);
    const branch = result.kind === 'completed' ? (result.branch ?? null) : null;
    await this.settle(execution, graph, async (manager) => {
      const [updated]: [{ durationMs: number }[], number] = await manager.query(
        `UPDATE node_executions SET status = $3, output = $4::jsonb, branch = $5, input = $6::jsonb,
                finished_at = CASE WHEN $3 = 'succeeded' THEN now() ELSE NULL END
          WHERE execution_id = $1 AND node_id = $2
          RETURNING (extract(epoch FROM (now() - started_at)) * 1000)::int AS "durationMs"`,
        [execution.id, node.id, waiting ? 'waiting' : 'succeeded', output, branch, result.input === undefined ? null : JSON.stringify(result.input)],
      );
      return waiting
        ? []
        : [new NodeSucceededEvent({ tenantId: execution.tenantId, aggregateType: 'execution', aggregateId: execution.id, payload: { nodeId: node.id, type: node.type, durationMs: updated[0]?.durationMs ?? 0 } })];
    });
  }

  /**
   * Locks the execution, applies `change`, settles what follows and commits with the events;
   * then queues the nodes that became ready.
   */
  private async settle(execution: ExecutionRow, graph: WorkflowGraph, change?: (manager: EntityManager) => Promise<DomainEvent<object>[]>): Promise<void> {
    const toSchedule = await this.unitOfWork.run(async (tx) => {
      const locked = await this.store.lock(tx.manager, execution.tenantId, execution.id);
      if (!locked) return [];
      for (const event of change ? await change(tx.manager) : []) tx.record(event);
      const settlement = await this.store.settle(tx.manager, locked, graph);
      if (settlement.finished === 'succeeded') tx.record(this.succeededEvent(locked));
      return settlement.toSchedule;
    });
    await this.scheduler.schedule(toSchedule);
  }

  private succeededEvent(execution: LockedExecution): ExecutionSucceededEvent {
    const durationMs = execution.startedAt ? Date.now() - execution.startedAt.getTime() : 0;
    return new ExecutionSucceededEvent({ tenantId: execution.tenantId, aggregateType: 'execution', aggregateId: execution.id, payload: { workflowId: execution.workflowId, durationMs } });
  }

  private async recordRetryableFailure(execution: ExecutionRow, node: WorkflowNode, error: NodeError): Promise<void> {
    await this.dataSource.query(`UPDATE node_executions SET status = 'pending', error = $3 WHERE execution_id = $1 AND node_id = $2`, [
      execution.id,
      node.id,
      JSON.stringify(errorInfo(error)),
    ]);
    this.logger.warn({ executionId: execution.id, nodeId: node.id, errorClass: error.errorClass }, 'node attempt failed; will retry');
  }

  /** The node is out of attempts (or its error is final): it fails, and the execution with it. */
  private async fail(execution: ExecutionRow, node: WorkflowNode, error: NodeError): Promise<void> {
    const info = errorInfo(error);
    await this.unitOfWork.run(async (tx) => {
      const locked = await this.store.lock(tx.manager, execution.tenantId, execution.id);
      if (!locked) return;
      await tx.manager.query(`UPDATE node_executions SET status = 'failed', error = $3, finished_at = now() WHERE execution_id = $1 AND node_id = $2`, [
        execution.id,
        node.id,
        JSON.stringify(info),
      ]);
      tx.record(new NodeFailedEvent({ tenantId: execution.tenantId, aggregateType: 'execution', aggregateId: execution.id, payload: { nodeId: node.id, type: node.type, error: info } }));
      if (['succeeded', 'failed', 'cancelled'].includes(locked.status)) return;
      await this.store.cancelOpenNodes(tx.manager, execution.id);
      await this.store.setStatus(tx.manager, execution.id, 'failed', true, info);
      tx.record(
        new ExecutionFailedEvent({ tenantId: execution.tenantId, aggregateType: 'execution', aggregateId: execution.id, payload: { workflowId: execution.workflowId, nodeId: node.id, error: info } }),
      );
    });
  }

  private toNodeError(error: unknown, node: WorkflowNode): NodeError {
    if (error instanceof NodeError) return error;
    if (error instanceof ExpressionError) return new NodeError('expression_error', error.message, false);
    this.logger.error({ err: error, nodeId: node.id, type: node.type }, 'node handler crashed');
    return new NodeError('internal_error', 'The node failed unexpectedly; the error was logged.', true);
  }
}

function errorInfo(error: NodeError): ErrorInfo {
  return { class: error.errorClass, message: error.message };
}
