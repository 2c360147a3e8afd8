import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueNames } from '../../platform/queue/queue-names.js';
import { RequestContext } from '../../platform/observability/request-context.js';
import type { NodeRetryPolicy } from './domain/node-retry-policy.js';
import { NODE_BACKOFF } from './node-backoff.js';
import { nodeJobId, type NodeJobData } from './node-job.js';
import { TenantFairness } from './tenant-fairness.js';

export interface ScheduledNode {
  tenantId: string;
  executionId: string;
  nodeId: string;
  run: number;
  retry: NodeRetryPolicy;
}

/** Queues node jobs with idempotent ids, the node's retry policy and the tenant's fairness priority. */
@Injectable()
export class NodeJobScheduler {
  constructor(
    @InjectQueue(QueueNames.nodes) private readonly queue: Queue<NodeJobData>,
    private readonly fairness: TenantFairness,
  ) {}

  async schedule(nodes: readonly ScheduledNode[]): Promise<void> {
    if (nodes.length === 0) return;
    const correlationId = RequestContext.current()?.correlationId;
    const priorities = await this.fairness.reserve(nodes[0].tenantId, nodes.length);
    await this.queue.addBulk(
      nodes.map((node, i) => {
        const data: NodeJobData = { tenantId: node.tenantId, executionId: node.executionId, nodeId: node.nodeId, run: node.run, correlationId, maxBackoffMs: node.retry.maxDelayMs };
        return {
          name: 'run-node',
          data,
          opts: {
            jobId: nodeJobId(data),
            priority: priorities[i],
            attempts: node.retry.maxAttempts,
            backoff: { type: NODE_BACKOFF, delay: node.retry.backoffMs },
          },
        };
      }),
    );
  }
}
