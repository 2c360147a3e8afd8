import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ExpressionError } from '../../../platform/expressions/expression-error.js';
import { ROOT_LOGGER, type RootLogger } from '../../../platform/observability/logger.module.js';
import { RequestContext } from '../../../platform/observability/request-context.js';
import { classifyJobFailure } from '../../../platform/queue/job-failure.js';
import { PoisonJobs } from '../../../platform/queue/poison-jobs.js';
import { QueueNames } from '../../../platform/queue/queue-names.js';
import { type WorkflowNode, WorkflowVersionReader } from '../../workflows/index.js';
import type { ErrorInfo } from '../domain/execution-status.js';
import { NodeError } from '../domain/node-error.js';
import type { NodeResult } from '../domain/node-handler.js';
import { ExecutionContextLoader } from '../execution-context.loader.js';
import { NodeHandlerRegistry } from '../node-handler.registry.js';
import { nodeJobId } from '../node-job.js';
import { NodeOutcomeRecorder } from '../node-outcome.recorder.js';
import { serializeResult, type SerializedResult } from '../node-output-limit.js';
import { NodeRunStore, type StartedNodeRun } from '../persistence/node-run.store.js';
import { RunNodeCommand, type RunNodeOutcome } from './run-node.command.js';

/**
 * Runs one node: checks the recorded state first (a re-delivered job does no harm and no node
 * recorded `succeeded` runs again), records the attempt, runs the type's handler, then records the
 * outcome and queues what became ready, in one transaction with its events. The attempt number that
 * marking the node running returns fences the outcome: a copy of the job still running after its lock
 * was lost (and the job delivered again) records nothing, so a node succeeds once.
 *
 * Errors the handler did not raise as node errors are classified (classifyJobFailure): a permanent one
 * (data nesting too deeply, JSON that cannot be written, invalid config …) fails the node at once, on
 * its first attempt; anything else is an `internal_error` retried by the node's policy. Either way an
 * engine failure that ends the node is counted and logged as a poison job.
 */
@CommandHandler(RunNodeCommand)
export class RunNodeHandler implements ICommandHandler<RunNodeCommand> {
  constructor(
    private readonly runs: NodeRunStore,
    private readonly workflows: WorkflowVersionReader,
    private readonly registry: NodeHandlerRegistry,
    private readonly contexts: ExecutionContextLoader,
    private readonly outcomes: NodeOutcomeRecorder,
    private readonly poisonJobs: PoisonJobs,
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
      const error = new NodeError(
        'unknown_node',
        `Node ${nodeId} is not in version ${execution.workflowVersion}.`,
        false,
      );
      if (fence !== null)
        await this.outcomes.fail(execution, { id: nodeId, type: execution.nodeType }, error, {
          transition: 'fail',
          attempt: fence,
        });
      return { kind: 'done' };
    }
    if (fence === null) {
      // Re-delivered after the outcome was committed: only make sure the successors are queued.
      if (execution.nodeStatus === 'succeeded') await this.outcomes.resettle(execution, graph);
      return { kind: 'done' };
    }

    const handler = this.registry.get(node.type);
    let result: NodeResult;
    let serialized: SerializedResult = { output: null, input: null };
    try {
      if (!handler)
        throw new NodeError('unknown_node_type', `No handler is registered for node type ${node.type}.`, false);
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
      // Serialised here, inside the try: an output over the limits fails the node like any node error.
      if (result.kind !== 'deferred') serialized = serializeResult(result);
    } catch (error) {
      const nodeError = this.toNodeError(error, node);
      if (nodeError.retryable && command.attempt < command.maxAttempts) {
        await this.recordRetryableFailure(execution, node, nodeError, fence);
        return { kind: 'retry', error: nodeError };
      }
      await this.outcomes.fail(execution, node, nodeError, { transition: 'fail', attempt: fence });
      if (!(error instanceof NodeError || error instanceof ExpressionError)) {
        const failure = { permanent: !nodeError.retryable, code: nodeError.errorClass, reason: nodeError.message };
        this.poisonJobs.recordGivenUp({
          queue: QueueNames.nodes,
          jobId: nodeJobId(command.job),
          tenantId,
          attempts: command.attempt,
          failure,
          error,
        });
      }
      return { kind: 'done' };
    }

    if (result.kind === 'deferred') {
      await this.runs.defer({ executionId, nodeId, attempt: fence });
      return { kind: 'deferred', delayMs: result.delayMs };
    }
    const transition = result.kind === 'waiting' ? 'wait' : 'succeed';
    await this.outcomes.record(execution, graph, node, result, { transition, attempt: fence }, serialized);
    return { kind: 'done' };
  }

  private start(command: RunNodeCommand): Promise<StartedNodeRun | undefined> {
    const { tenantId, executionId, nodeId, run } = command.job;
    return this.runs.start({
      tenantId,
      executionId,
      nodeId,
      run,
      attempt: command.attempt,
      correlationId: RequestContext.current()?.correlationId ?? null,
    });
  }

  private async recordRetryableFailure(
    execution: StartedNodeRun,
    node: WorkflowNode,
    error: NodeError,
    fence: number,
  ): Promise<void> {
    await this.runs.retryLater({ executionId: execution.id, nodeId: node.id, attempt: fence }, errorInfo(error));
    this.logger.warn(
      { executionId: execution.id, nodeId: node.id, errorClass: error.errorClass },
      'node attempt failed; will retry',
    );
  }

  private toNodeError(error: unknown, node: WorkflowNode): NodeError {
    if (error instanceof NodeError) return error;
    if (error instanceof ExpressionError) return new NodeError('expression_error', error.message, false);
    const failure = classifyJobFailure(error);
    if (failure.permanent) return new NodeError(failure.code, failure.reason, false);
    this.logger.error({ err: error, nodeId: node.id, type: node.type }, 'node handler crashed');
    return new NodeError('internal_error', 'The node failed unexpectedly; the error was logged.', true);
  }
}

function errorInfo(error: NodeError): ErrorInfo {
  return { class: error.errorClass, message: error.message };
}
