import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { MicroBatcher } from '../../platform/batching/micro-batcher.js';
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

interface NodeToQueue {
  node: ScheduledNode;
  correlationId?: string;
}

/**
 * Queues node jobs with idempotent ids, the node's retry policy and the tenant's fairness priority.
 * Nodes scheduled at once by concurrent settlements are queued together (MicroBatcher): one fairness
 * reservation per tenant and one `addBulk` for the batch.
 */
@Injectable()
export class NodeJobScheduler {
  private readonly batches = new MicroBatcher<NodeToQueue, void>((nodes) => this.queueBatch(nodes), {
    maxBatchSize: 500,
    maxInFlight: 1,
    maxPending: 50_000,
  });

  constructor(
    @InjectQueue(QueueNames.nodes) private readonly queue: Queue<NodeJobData>,
    private readonly fairness: TenantFairness,
  ) {}

  async schedule(nodes: readonly ScheduledNode[]): Promise<void> {
    if (nodes.length === 0) return;
    const correlationId = RequestContext.current()?.correlationId;
    await Promise.all(nodes.map((node) => this.batches.submit({ node, correlationId })));
  }

  private async queueBatch(batch: NodeToQueue[]): Promise<void[]> {
    const priorities = await this.reservePriorities(batch.map(({ node }) => node.tenantId));
    await this.queue.addBulk(
      batch.map(({ node, correlationId }, i) => {
        const data: NodeJobData = {
          tenantId: node.tenantId,
          executionId: node.executionId,
          nodeId: node.nodeId,
          run: node.run,
          correlationId,
          maxBackoffMs: node.retry.maxDelayMs,
        };
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
    return batch.map(() => undefined);
  }

  /** The fairness priority of each job, in order: one reservation per tenant (issued together, pipelined). */
  private async reservePriorities(tenantIds: readonly string[]): Promise<number[]> {
    const counts = new Map<string, number>();
    for (const tenantId of tenantIds) counts.set(tenantId, (counts.get(tenantId) ?? 0) + 1);
    const reserved = new Map(
      await Promise.all(
        [...counts].map(async ([tenantId, count]) => [tenantId, await this.fairness.reserve(tenantId, count)] as const),
      ),
    );
    const taken = new Map<string, number>();
    return tenantIds.map((tenantId) => {
      const index = taken.get(tenantId) ?? 0;
      taken.set(tenantId, index + 1);
      return reserved.get(tenantId)![index];
    });
  }
}
