import { Command } from '@nestjs/cqrs';
import type { WaitJobData } from '../wait-job.js';

/** Worker side of a `waits` job: a timer fired, or an activation of a resume URL reached its expiry. */
export class ProcessWaitJobCommand extends Command<void> {
  constructor(readonly job: WaitJobData) {
    super();
  }
}
