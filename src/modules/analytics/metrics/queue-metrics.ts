import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { MetricsRegistry } from '../../../platform/observability/metrics.registry.js';
import { ROOT_LOGGER, type RootLogger } from '../../../platform/observability/logger.module.js';
import { QueueNames } from '../../../platform/queue/queue-names.js';

export const QUEUE_METRIC_STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized', 'completed'] as const;

/** A scrape must answer even while Redis is unreachable (queue commands wait for a reconnection). */
const COUNT_TIMEOUT_MS = 1000;

/**
 * flowhook_queue_jobs{queue,state}: BullMQ job counts read from Redis at scrape time (no polling
 * between scrapes). A queue whose counts cannot be read within a second is left out of that scrape.
 */
@Injectable()
export class QueueMetrics {
  constructor(
    registry: MetricsRegistry,
    @InjectQueue(QueueNames.nodes) nodes: Queue,
    @InjectQueue(QueueNames.webhookEvents) webhookEvents: Queue,
    @InjectQueue(QueueNames.channelEvents) channelEvents: Queue,
    @InjectQueue(QueueNames.waits) waits: Queue,
    @Inject(ROOT_LOGGER) rootLogger: RootLogger,
  ) {
    const queues = [nodes, webhookEvents, channelEvents, waits];
    const logger = rootLogger.child({ component: 'queue-metrics' });
    new Gauge({
      name: 'flowhook_queue_jobs',
      help: 'BullMQ jobs per queue and state, read at scrape time.',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        const results = await Promise.allSettled(
          queues.map((queue) => withTimeout(queue.getJobCounts(...QUEUE_METRIC_STATES), COUNT_TIMEOUT_MS)),
        );
        this.reset();
        results.forEach((result, index) => {
          const queue = queues[index].name;
          if (result.status === 'rejected') {
            logger.warn({ queue, err: result.reason }, 'queue job counts unavailable for this scrape');
            return;
          }
          for (const state of QUEUE_METRIC_STATES) this.set({ queue, state }, result.value[state] ?? 0);
        });
      },
    });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
