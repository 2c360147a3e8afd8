import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { WorkflowVersionReader } from '../../workflows/workflow-version.reader.js';
import { executionNotFailed, executionNotFound } from '../domain/execution-errors.js';
import { retryPolicyOf } from '../domain/node-retry-policy.js';
import { ExecutionRetriedEvent } from '../events/execution-retried.event.js';
import { ExecutionStateStore } from '../execution-state.store.js';
import { NodeJobScheduler, type ScheduledNode } from '../node-job.scheduler.js';
import { RetryExecutionCommand } from './retry-execution.command.js';

@CommandHandler(RetryExecutionCommand)
export class RetryExecutionHandler implements ICommandHandler<RetryExecutionCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly store: ExecutionStateStore,
    private readonly workflows: WorkflowVersionReader,
    private readonly scheduler: NodeJobScheduler,
  ) {}

  async execute(command: RetryExecutionCommand): Promise<{ executionId: string }> {
    const toSchedule = await this.unitOfWork.run(async (tx) => {
      const execution = await this.store.lock(tx.manager, command.tenantId, command.executionId);
      if (!execution) throw executionNotFound();
      if (execution.status !== 'failed') throw executionNotFailed(execution.status);
      const graph = await this.workflows.graph(command.tenantId, execution.workflowId, execution.workflowVersion);
      const retryCount = execution.retryCount + 1;
      const [failed]: [{ nodeId: string }[], number] = await tx.manager.query(
        `UPDATE node_executions SET status = 'pending', scheduled = true, scheduled_at = now(), error = NULL, attempts = 0, started_at = NULL, finished_at = NULL
          WHERE execution_id = $1 AND status = 'failed' RETURNING node_id AS "nodeId"`,
        [execution.id],
      );
      await tx.manager.query(
        `UPDATE node_executions SET status = 'pending', scheduled = false, scheduled_at = NULL, finished_at = NULL WHERE execution_id = $1 AND status = 'cancelled'`,
        [execution.id],
      );
      await tx.manager.query(
        `UPDATE executions SET status = 'running', error = NULL, finished_at = NULL, retry_count = $2 WHERE id = $1`,
        [execution.id, retryCount],
      );
      const nodeIds = failed.map((row) => row.nodeId);
      tx.record(
        new ExecutionRetriedEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'execution',
          aggregateId: execution.id,
          payload: { workflowId: execution.workflowId, nodeIds, retryCount },
        }),
      );
      return nodeIds.map<ScheduledNode>((nodeId) => ({
        tenantId: command.tenantId,
        executionId: execution.id,
        nodeId,
        run: retryCount,
        retry: retryPolicyOf(graph.node(nodeId)!),
      }));
    });
    await this.scheduler.schedule(toSchedule);
    return { executionId: command.executionId };
  }
}
