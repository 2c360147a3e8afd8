import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { WorkflowVersionReader } from '../../workflows/index.js';
import { executionNotFailed, executionNotFound } from '../domain/execution-errors.js';
import { nextExecutionStatus } from '../domain/execution-transitions.js';
import { retryPolicyOf } from '../domain/node-retry-policy.js';
import { ExecutionRetriedEvent } from '../events/execution-retried.event.js';
import { NodeJobScheduler, type ScheduledNode } from '../node-job.scheduler.js';
import { ExecutionStateStore } from '../persistence/execution-state.store.js';
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
      if (nextExecutionStatus(execution.status, 'retry') === undefined) throw executionNotFailed(execution.status);
      const graph = await this.workflows.graph(command.tenantId, execution.workflowId, execution.workflowVersion);
      const retryCount = execution.retryCount + 1;
      const nodeIds = await this.store.retry(tx.manager, execution.id, retryCount);
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
