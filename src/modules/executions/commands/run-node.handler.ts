import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { pgPool } from '../../../platform/database/pg-pool.js';
import { ExpressionError } from '../../../platform/expressions/expression-error.js';
import { ROOT_LOGGER, type RootLogger } from '../../../platform/observability/logger.module.js';
import { RequestContext } from '../../../platform/observability/request-context.js';
import { EVENT_STORE_INSERT } from '../../../platform/outbox/unit-of-work.js';
import type { WorkflowNode } from '../../workflows/domain/workflow-graph.js';
import { WorkflowVersionReader } from '../../workflows/workflow-version.reader.js';
import type { ErrorInfo } from '../domain/execution-status.js';
import { NodeError } from '../domain/node-error.js';
import type { NodeResult } from '../domain/node-handler.js';
import { NODE_TRIGGERED } from '../events/node-triggered.event.js';
import { ExecutionContextLoader } from '../execution-context.loader.js';
import { NodeHandlerRegistry } from '../node-handler.registry.js';
import { NodeOutcomeRecorder } from '../node-outcome.recorder.js';
import { serializeOutput } from '../node-output-limit.js';
import { RunNodeCommand, type RunNodeOutcome } from './run-node.command.js';
import { toPostgresJson } from '../../../platform/database/postgres-text.js';

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
  /** The attempt number this run marked (null: the node was not pending or running in a live execution of this run). */
  fence: number | null;
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
    const execution = await this.start(command);
    if (!execution || execution.retryCount !== run) return { kind: 'done' };
    const graph = await this.workflows.graph(tenantId, execution.workflowId, execution.workflowVersion);
    const node = graph.node(nodeId);
    const fence = execution.fence;
    if (!node) {
      // Its row came from this very version, so only a tampered version gets here: fail, never hang.
      const error = new NodeError('unknown_node', `Node ${nodeId} is not in version ${execution.workflowVersion}.`, false);
      if (fence !== null) await this.outcomes.fail(execution, { id: nodeId, type: execution.nodeType }, error, { status: 'running', attempt: fence });
      return { kind: 'done' };
    }
    if (fence === null) {
      // Re-delivered after the outcome was committed: only make sure the successors are queued.
      if (execution.nodeStatus === 'succeeded') await this.outcomes.resettle(execution, graph);
      return { kind: 'done' };
    }

    const handler = this.registry.get(node.type);
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
   * One statement (one round trip, atomic): loads the execution, the node and the outputs it may use,
   * and — if the node is pending or running in a live execution of this run — marks the node running,
   * a queued execution too, and stores `workflow.node.triggered`. `fence` is the node's new attempt
   * number (null when nothing was marked): the outcome is recorded only if it still matches. No
   * in-process handler listens to that event, so it is not published on the EventBus.
   */
  private async start(command: RunNodeCommand): Promise<ExecutionRow | undefined> {
    const { tenantId, executionId, nodeId, run } = command.job;
    const { rows } = await pgPool(this.dataSource).query<ExecutionRow>({
      name: 'run-node-start',
      text: `WITH target AS (
               SELECT e.id, e.tenant_id, e.workflow_id, e.workflow_version, e.status, e.retry_count, e.trigger_input, e.contact_id, e.started_at,
                      n.status AS node_status, n.type AS node_type
                 FROM executions e JOIN node_executions n ON n.execution_id = e.id AND n.node_id = $3
                WHERE e.id = $1 AND e.tenant_id = $2
             ), node AS (
               UPDATE node_executions SET status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()), error = NULL
                WHERE execution_id = $1 AND node_id = $3 AND status IN ('pending', 'running')
                  AND EXISTS (SELECT 1 FROM target WHERE retry_count = $4 AND status NOT IN ('succeeded', 'failed', 'cancelled'))
                RETURNING attempts
             ), execution AS (
               UPDATE executions SET status = 'running', started_at = coalesce(started_at, now())
                WHERE id = $1 AND status = 'queued' AND EXISTS (SELECT 1 FROM node)
             ), event AS (
               ${EVENT_STORE_INSERT}
               SELECT $2, $7, 'execution', $1, NULL, $5, jsonb_build_object('nodeId', $3::text, 'type', target.node_type, 'attempt', $6::int), now()
                 FROM node CROSS JOIN target
             )
             SELECT target.id, target.tenant_id AS "tenantId", target.workflow_id AS "workflowId", target.workflow_version AS "workflowVersion",
                    target.status, target.retry_count AS "retryCount", target.trigger_input AS "triggerInput", target.contact_id AS "contactId",
                    target.started_at AS "startedAt", target.node_status AS "nodeStatus", target.node_type AS "nodeType",
                    (SELECT attempts FROM node) AS fence,
                    (SELECT coalesce(jsonb_object_agg(done.node_id, done.output), '{}'::jsonb) FROM node_executions done
                      WHERE done.execution_id = $1 AND done.status = 'succeeded') AS outputs
               FROM target`,
      values: [executionId, tenantId, nodeId, run, RequestContext.current()?.correlationId ?? null, command.attempt, NODE_TRIGGERED],
    });
    return rows[0];
  }

  private async recordRetryableFailure(execution: ExecutionRow, node: WorkflowNode, error: NodeError, fence: number): Promise<void> {
    await this.dataSource.query(`UPDATE node_executions SET status = 'pending', error = $3 WHERE execution_id = $1 AND node_id = $2 AND status = 'running' AND attempts = $4`, [
      execution.id,
      node.id,
      toPostgresJson(errorInfo(error)),
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
