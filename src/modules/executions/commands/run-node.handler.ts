import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { pgPool } from '../../../platform/database/pg-pool.js';
import { ExpressionError } from '../../../platform/expressions/expression-error.js';
import { ROOT_LOGGER, type RootLogger } from '../../../platform/observability/logger.module.js';
import { RequestContext } from '../../../platform/observability/request-context.js';
import type { WorkflowNode } from '../../workflows/domain/workflow-graph.js';
import { WorkflowVersionReader } from '../../workflows/workflow-version.reader.js';
import type { ErrorInfo } from '../domain/execution-status.js';
import { NodeError } from '../domain/node-error.js';
import type { NodeResult } from '../domain/node-handler.js';
import { NodeTriggeredEvent } from '../events/node-triggered.event.js';
import { ExecutionContextLoader } from '../execution-context.loader.js';
import { NodeHandlerRegistry } from '../node-handler.registry.js';
import { NodeOutcomeRecorder } from '../node-outcome.recorder.js';
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
  /** Outputs of the execution's succeeded nodes, by node id. */
  outputs: Record<string, unknown>;
}

/**
 * Runs one node: checks the recorded state first (a re-delivered job does no harm and no node
 * recorded `succeeded` runs again), records the attempt, runs the type's handler, then records the
 * outcome and queues what became ready, in one transaction with its events. The attempt number that
 * marking the node running returns fences the outcome: a copy of the job still running after its lock
 * was lost (and the job delivered again) records nothing, so a node succeeds once.
 */
@CommandHandler(RunNodeCommand)
export class RunNodeHandler implements ICommandHandler<RunNodeCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: WorkflowVersionReader,
    private readonly registry: NodeHandlerRegistry,
    private readonly contexts: ExecutionContextLoader,
    private readonly outcomes: NodeOutcomeRecorder,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
  ) {}

  async execute(command: RunNodeCommand): Promise<RunNodeOutcome> {
    const { tenantId, executionId, nodeId, run } = command.job;
    const { rows } = await pgPool(this.dataSource).query<ExecutionRow>({
      name: 'run-node-load',
      text: `SELECT e.id, e.tenant_id AS "tenantId", e.workflow_id AS "workflowId", e.workflow_version AS "workflowVersion", e.status,
                    e.retry_count AS "retryCount", e.trigger_input AS "triggerInput", e.contact_id AS "contactId", e.started_at AS "startedAt",
                    n.status AS "nodeStatus", n.type AS "nodeType",
                    (SELECT coalesce(jsonb_object_agg(done.node_id, done.output), '{}'::jsonb) FROM node_executions done
                      WHERE done.execution_id = e.id AND done.status = 'succeeded') AS outputs
               FROM executions e JOIN node_executions n ON n.execution_id = e.id AND n.node_id = $3
              WHERE e.id = $1 AND e.tenant_id = $2`,
      values: [executionId, tenantId, nodeId],
    });
    const execution = rows[0];
    if (!execution || execution.retryCount !== run) return { kind: 'done' };
    const graph = await this.workflows.graph(tenantId, execution.workflowId, execution.workflowVersion);
    const node = graph.node(nodeId);
    if (!node) return { kind: 'done' };

    if (execution.nodeStatus === 'succeeded') {
      // Re-delivered after the outcome was committed: only make sure the successors are queued.
      await this.outcomes.resettle(execution, graph);
      return { kind: 'done' };
    }
    if (execution.nodeStatus !== 'pending' && execution.nodeStatus !== 'running') return { kind: 'done' };
    if (['succeeded', 'failed', 'cancelled'].includes(execution.status)) return { kind: 'done' };

    const handler = this.registry.get(node.type);
    const fence = await this.markRunning(execution, node, command.attempt);
    if (fence === undefined) return { kind: 'done' };
    let result: NodeResult;
    try {
      if (!handler) throw new NodeError('unknown_node_type', `No handler is registered for node type ${node.type}.`, false);
      const loaded = await this.contexts.load(execution, execution.outputs);
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
        await this.recordRetryableFailure(execution, node, nodeError, fence);
        return { kind: 'retry', error: nodeError };
      }
      await this.outcomes.fail(execution, node, nodeError, { status: 'running', attempt: fence });
      return { kind: 'done' };
    }

    if (result.kind === 'deferred') {
      await this.dataSource.query(
        `UPDATE node_executions SET status = 'pending', attempts = greatest(attempts - 1, 0) WHERE execution_id = $1 AND node_id = $2 AND status = 'running' AND attempts = $3`,
        [executionId, nodeId, fence],
      );
      return { kind: 'deferred', delayMs: result.delayMs };
    }
    await this.outcomes.record(execution, graph, node, result, { status: 'running', attempt: fence });
    return { kind: 'done' };
  }

  /**
   * One statement (so one round trip, and atomic): the node is running, a queued execution too, and
   * `workflow.node.triggered` is in the event store. Returns the node's attempt number (the fence for
   * recording its outcome), or undefined when the node is no longer pending or running. No in-process
   * handler listens to that event, so it is not published on the EventBus.
   */
  private async markRunning(execution: ExecutionRow, node: WorkflowNode, attempt: number): Promise<number | undefined> {
    const event = new NodeTriggeredEvent({ tenantId: execution.tenantId, aggregateType: 'execution', aggregateId: execution.id, payload: { nodeId: node.id, type: node.type, attempt } });
    const { rows } = await pgPool(this.dataSource).query<{ attempts: number }>({
      name: 'run-node-mark-running',
      text: `WITH node AS (
               UPDATE node_executions SET status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()), error = NULL
                WHERE execution_id = $1 AND node_id = $2 AND status IN ('pending', 'running')
                RETURNING attempts
             ), execution AS (
               UPDATE executions SET status = 'running', started_at = coalesce(started_at, now())
                WHERE id = $1 AND status = 'queued' AND EXISTS (SELECT 1 FROM node)
             ), event AS (
               INSERT INTO event_store (tenant_id, type, aggregate_type, aggregate_id, correlation_id, payload, occurred_at)
               SELECT $3, $4, 'execution', $1, $5, $6::jsonb, $7 FROM node
             )
             SELECT attempts FROM node`,
      values: [execution.id, node.id, execution.tenantId, event.type, RequestContext.current()?.correlationId ?? null, JSON.stringify(event.payload), event.occurredAt],
    });
    return rows[0]?.attempts;
  }

  private async recordRetryableFailure(execution: ExecutionRow, node: WorkflowNode, error: NodeError, fence: number): Promise<void> {
    await this.dataSource.query(`UPDATE node_executions SET status = 'pending', error = $3 WHERE execution_id = $1 AND node_id = $2 AND status = 'running' AND attempts = $4`, [
      execution.id,
      node.id,
      JSON.stringify(errorInfo(error)),
      fence,
    ]);
    this.logger.warn({ executionId: execution.id, nodeId: node.id, errorClass: error.errorClass }, 'node attempt failed; will retry');
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
