import { Command } from '@nestjs/cqrs';
import type { JobFailure } from '../../../platform/queue/job-failure.js';
import type { NodeJobData } from '../node-job.js';

/**
 * Gives up on a node job that cannot succeed (it failed outside the node's own handling: permanently,
 * on its last attempt, or BullMQ failed it): the node fails with the failure's reason, and its
 * execution with it, so no sweeper queues it again.
 */
export class FailNodeRunCommand extends Command<void> {
  constructor(
    readonly job: NodeJobData,
    readonly failure: JobFailure,
  ) {
    super();
  }
}
