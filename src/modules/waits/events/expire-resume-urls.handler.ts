import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { ExecutionCancelledEvent, ExecutionFailedEvent, ExecutionSucceededEvent } from '../../executions/index.js';
import { ResumeRegistrationStore } from '../resume-registration.store.js';
import { ResumeUrls } from '../resume-urls.js';

type ExecutionEnded = ExecutionCancelledEvent | ExecutionFailedEvent | ExecutionSucceededEvent;

/** An execution that ended (cancelled, failed, or succeeded past a skipped wait) has no resume URL left to call: 410. */
@EventsHandler(ExecutionCancelledEvent, ExecutionFailedEvent, ExecutionSucceededEvent)
export class ExpireResumeUrlsOnEnd implements IEventHandler<ExecutionEnded> {
  constructor(
    private readonly store: ResumeRegistrationStore,
    private readonly resumeUrls: ResumeUrls,
  ) {}

  async handle(event: ExecutionEnded): Promise<void> {
    if (!event.aggregateId) return;
    const pin = {
      tenantId: event.tenantId,
      executionId: event.aggregateId,
      workflowId: event.payload.workflowId,
      workflowVersion: event.payload.workflowVersion,
    };
    // Decided from the pinned version's graph (cached): an execution without a webhook wait costs no query.
    if (await this.resumeUrls.hasWebhookWaits(pin)) await this.store.expireOpen(event.tenantId, event.aggregateId);
  }
}
