import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../platform/outbox/unit-of-work.js';
import { WaitNotRecordedYetError } from '../domain/wait-not-recorded-yet.error.js';
import { WaitExpiredEvent } from '../events/wait-expired.event.js';
import { ResumeRegistrationStore } from '../resume-registration.store.js';
import type { WaitJobData } from '../wait-job.js';
import { WaitOutcomes } from '../wait-outcomes.js';
import { ProcessWaitJobCommand } from './process-wait-job.command.js';

/**
 * Checks recorded state before acting, so a re-delivered job does no harm: a timer completes the
 * node only while it waits; an expiry applies only to the activation it was queued for.
 */
@CommandHandler(ProcessWaitJobCommand)
export class ProcessWaitJobHandler implements ICommandHandler<ProcessWaitJobCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly registrations: ResumeRegistrationStore,
    private readonly outcomes: WaitOutcomes,
  ) {}

  async execute({ job }: ProcessWaitJobCommand): Promise<void> {
    if (job.kind === 'timer') {
      if (!(await this.outcomes.timerFired(job))) await this.retryIfStillRunning(job);
      return;
    }
    const expired = await this.unitOfWork.run(async (tx) => {
      const applied = await this.registrations.expireActivation(tx.manager, job.resumeId, job.expiresAt);
      if (applied)
        tx.record(
          new WaitExpiredEvent({
            tenantId: job.tenantId,
            aggregateType: 'execution',
            aggregateId: job.executionId,
            payload: { nodeId: job.nodeId, resumeId: job.resumeId },
          }),
        );
      return applied;
    });
    if (!expired) {
      const registration = await this.registrations.find(job.resumeId);
      if (!registration) return;
      if (registration.status === 'consumed') {
        // A resume won, but its process may have died before applying it: apply it now (a no-op if it was).
        if (registration.resumePayload !== null) await this.outcomes.resume(registration, registration.resumePayload);
        return;
      }
      // Resumed or re-activated since (a retried execution): this expiry is stale.
      if (registration.status !== 'expired' || registration.expiresAt?.getTime() !== Date.parse(job.expiresAt)) return;
    }
    if (!(await this.outcomes.timedOut(job))) await this.retryIfStillRunning(job);
  }

  private async retryIfStillRunning(job: WaitJobData): Promise<void> {
    if (await this.outcomes.stillRunning(job)) throw new WaitNotRecordedYetError();
  }
}
