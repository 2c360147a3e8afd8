import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { NodeError } from '../domain/node-error.js';
import { NodeOutcomeRecorder } from '../node-outcome.recorder.js';
import { FailNodeRunCommand } from './fail-node-run.command.js';

/** Fails the job's node while it is still open (pending or running) in the run the job belongs to. */
@CommandHandler(FailNodeRunCommand)
export class FailNodeRunHandler implements ICommandHandler<FailNodeRunCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outcomes: NodeOutcomeRecorder,
  ) {}

  async execute({ job, failure }: FailNodeRunCommand): Promise<void> {
    const [found]: { workflowId: string; type: string }[] = await this.dataSource.query(
      `SELECT e.workflow_id AS "workflowId", n.type
         FROM node_executions n JOIN executions e ON e.id = n.execution_id
        WHERE n.execution_id = $1 AND n.node_id = $2 AND e.tenant_id = $3 AND e.retry_count = $4`,
      [job.executionId, job.nodeId, job.tenantId, job.run],
    );
    if (!found) return;
    await this.outcomes.fail(
      { id: job.executionId, tenantId: job.tenantId, workflowId: found.workflowId },
      { id: job.nodeId, type: found.type },
      new NodeError(failure.code, failure.reason, false),
      { transition: 'giveUp' },
    );
  }
}
