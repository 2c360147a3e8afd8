import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MicroBatcher, togetherOrAlone } from '../../../platform/batching/micro-batcher.js';
import { pgPool } from '../../../platform/database/pg-pool.js';
import { insertExecutionsSql, type NewExecution } from './execution-start.statements.js';

/**
 * Stores new executions: executions started at once (concurrent event jobs, requests) go to
 * PostgreSQL in one statement per batch (MicroBatcher) — the executions, their nodes and their events,
 * atomically; per execution that costs PostgreSQL less than half of a statement of its own (measured
 * 0.14–0.19 against 0.37–0.45 ms of CPU). If the shared statement fails, each execution is stored
 * alone, so one bad row fails only its own start.
 * Resolves false for an execution whose source key started one already (nothing of it is stored).
 */
@Injectable()
export class ExecutionStarts {
  private readonly batches = new MicroBatcher<NewExecution, boolean>(
    (executions) => togetherOrAlone(executions, (together) => this.insert(together)),
    {
      maxBatchSize: 100,
      maxInFlight: 2,
      maxPending: 10_000,
    },
  );

  constructor(private readonly dataSource: DataSource) {}

  store(execution: NewExecution): Promise<boolean> {
    return this.batches.submit(execution);
  }

  private async insert(executions: readonly NewExecution[]): Promise<boolean[]> {
    const { rows } = await pgPool(this.dataSource).query<{ id: string }>(insertExecutionsSql(executions));
    const stored = new Set(rows.map((row) => row.id));
    return executions.map((execution) => stored.has(execution.id));
  }
}
