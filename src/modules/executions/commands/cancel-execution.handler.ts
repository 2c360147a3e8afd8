import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { executionFinished, executionNotFound } from '../domain/execution-errors.js';
import { nextExecutionStatus } from '../domain/execution-transitions.js';
import type { ExecutionResponse } from '../dto/execution.response.js';
import { ExecutionCancelledEvent } from '../events/execution-cancelled.event.js';
import { ExecutionStateStore } from '../persistence/execution-state.store.js';
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
      if (nextExecutionStatus(execution.status, 'cancel') === undefined) throw executionFinished(execution.status);
      await this.store.end(tx.manager, execution.id, 'cancel');
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
