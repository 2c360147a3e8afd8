import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { ROOT_LOGGER, type RootLogger } from '../../platform/observability/logger.module.js';
import { QueueNames } from '../../platform/queue/queue-names.js';
import { WorkflowVersionReader } from '../workflows/workflow-version.reader.js';
import { retryPolicyOf } from './domain/node-retry-policy.js';
import { nodeJobId, type NodeJobData } from './node-job.js';
import { NodeJobScheduler } from './node-job.scheduler.js';

/**
 * Sweeps every lock duration. Queues again the nodes of live executions that are scheduled (pending or
 * running) for more than two lock durations with no live job: a process died before queuing, Redis
 * refused or lost the job, or the job gave up (stalled too often) with the node left running. Job ids
 * are idempotent, so several workers sweeping at once, or a job that shows up late, do no harm.
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
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch((error: unknown) => this.logger.warn({ err: error }, 'node sweep failed')), this.config.workerLockDurationMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Returns how many nodes were queued again. */
  async sweep(olderThanSeconds = (2 * this.config.workerLockDurationMs) / 1000): Promise<number> {
    const rows: { tenantId: string; executionId: string; nodeId: string; run: number; workflowId: string; workflowVersion: number }[] = await this.dataSource.query(
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
        if (state !== 'completed' && state !== 'failed' && state !== 'unknown') continue;
        await job.remove();
      }
      const graph = await this.workflows.graph(row.tenantId, row.workflowId, row.workflowVersion);
      const node = graph.node(row.nodeId);
      if (!node) continue;
      await this.scheduler.schedule([{ tenantId: row.tenantId, executionId: row.executionId, nodeId: row.nodeId, run: row.run, retry: retryPolicyOf(node) }]);
      requeued++;
    }
    if (requeued > 0) this.logger.warn({ requeued }, 'queued lost node jobs again');
    return requeued;
  }
}
