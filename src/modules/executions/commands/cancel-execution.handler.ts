import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { executionFinished, executionNotFound } from '../domain/execution-errors.js';
import { FINAL_EXECUTION_STATUSES } from '../domain/execution-status.js';
import type { ExecutionResponse } from '../dto/execution.response.js';
import { ExecutionCancelledEvent } from '../events/execution-cancelled.event.js';
import { ExecutionStateStore } from '../execution-state.store.js';
import { GetExecutionQuery } from '../queries/get-execution.query.js';
import { CancelExecutionCommand } from './cancel-execution.command.js';

@CommandHandler(CancelExecutionCommand)
export class CancelExecutionHandler implements ICommandHandler<CancelExecutionCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly store: ExecutionStateStore,
    private readonly queries: QueryBus,
  ) {}

  async execute(command: CancelExecutionCommand): Promise<ExecutionResponse> {
    await this.unitOfWork.run(async (tx) => {
      const execution = await this.store.lock(tx.manager, command.tenantId, command.executionId);
      if (!execution) throw executionNotFound();
      if (FINAL_EXECUTION_STATUSES.includes(execution.status)) throw executionFinished(execution.status);
      await this.store.cancelOpenNodes(tx.manager, execution.id);
      await this.store.setStatus(tx.manager, execution.id, 'cancelled', true);
      tx.record(
        new ExecutionCancelledEvent({
          tenantId: command.tenantId,
          actorId: command.actorId,
          aggregateType: 'execution',
          aggregateId: execution.id,
          payload: { workflowId: execution.workflowId, workflowVersion: execution.workflowVersion },
        }),
      );
    });
    return this.queries.execute(new GetExecutionQuery(command.tenantId, command.actorId, command.executionId));
  }
}
