import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { ROOT_LOGGER, type RootLogger } from '../../platform/observability/logger.module.js';
import { failureOfFailedJob } from '../../platform/queue/job-failure.js';
import { PoisonJobs } from '../../platform/queue/poison-jobs.js';
import { QueueNames } from '../../platform/queue/queue-names.js';
import { WorkflowVersionReader } from '../workflows/index.js';
import { FailNodeRunCommand } from './commands/fail-node-run.command.js';
import { retryPolicyOf } from './domain/node-retry-policy.js';
import { nodeJobId, type NodeJobData } from './node-job.js';
import { NodeJobScheduler } from './node-job.scheduler.js';

/**
 * Sweeps every SWEEP_INTERVAL_MS (default: the lock duration). Queues again the nodes of live
 * executions that are scheduled (pending or running) for more than two lock durations with no job: a
 * process died before queuing, or Redis refused or lost the job. Job ids are idempotent, so several
 * workers sweeping at once, or a job that shows up late, do no harm. A node whose job BullMQ failed for
 * good (it stalled past its limit, crashing its worker each time, or its give-up could not be recorded)
 * is failed instead, never queued again: nothing is retried forever.
 */
@Injectable()
export class UnqueuedNodeSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QueueNames.nodes) private readonly queue: Queue<NodeJobData>,
    private readonly scheduler: NodeJobScheduler,
    private readonly workflows: WorkflowVersionReader,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
    private readonly config: AppConfig,
    private readonly commands: CommandBus,
    private readonly poisonJobs: PoisonJobs,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.sweep().catch((error: unknown) => this.logger.warn({ err: error }, 'node sweep failed')),
      this.config.sweepIntervalMs,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Returns how many nodes were queued again. */
  async sweep(olderThanSeconds = (2 * this.config.workerLockDurationMs) / 1000): Promise<number> {
    const rows: {
      tenantId: string;
      executionId: string;
      nodeId: string;
      run: number;
      workflowId: string;
      workflowVersion: number;
    }[] = await this.dataSource.query(
      `SELECT n.tenant_id AS "tenantId", n.execution_id AS "executionId", n.node_id AS "nodeId", e.retry_count AS run,
              e.workflow_id AS "workflowId", e.workflow_version AS "workflowVersion"
         FROM node_executions n JOIN executions e ON e.id = n.execution_id
        WHERE n.scheduled AND n.status IN ('pending', 'running') AND n.scheduled_at < now() - make_interval(secs => $1)
          AND e.status IN ('queued', 'running')
        LIMIT 1000`,
      [olderThanSeconds],
    );
    let requeued = 0;
    for (const row of rows) {
      const job = await this.queue.getJob(nodeJobId(row));
      if (job) {
        const state = await job.getState();
        if (state === 'failed') {
          await this.giveUp(job);
          continue;
        }
        if (state !== 'completed' && state !== 'unknown') continue;
        await job.remove();
      }
      const graph = await this.workflows.graph(row.tenantId, row.workflowId, row.workflowVersion);
      const node = graph.node(row.nodeId);
      if (!node) continue;
      await this.scheduler.schedule([
        {
          tenantId: row.tenantId,
          executionId: row.executionId,
          nodeId: row.nodeId,
          run: row.run,
          retry: retryPolicyOf(node),
        },
      ]);
      requeued++;
    }
    if (requeued > 0) this.logger.warn({ requeued }, 'queued lost node jobs again');
    return requeued;
  }

  private async giveUp(job: Job<NodeJobData>): Promise<void> {
    const failure = failureOfFailedJob(job);
    await this.commands.execute(new FailNodeRunCommand(job.data, failure));
    this.poisonJobs.recordGivenUp({
      queue: QueueNames.nodes,
      jobId: job.id,
      tenantId: job.data.tenantId,
      attempts: job.attemptsMade,
      failure,
    });
  }
}
