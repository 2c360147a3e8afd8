import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { ROOT_LOGGER, type RootLogger } from '../../../platform/observability/logger.module.js';
import { ExecutionStartedEvent } from '../../executions/index.js';
import { ResumeUrls } from '../resume-urls.js';

/**
 * Every webhook wait of a new execution gets its pending registration at start. The first template
 * that reads `$execution` creates them too if it runs first, so a failure here is only logged.
 */
@EventsHandler(ExecutionStartedEvent)
export class RegisterResumeUrlsOnStart implements IEventHandler<ExecutionStartedEvent> {
  constructor(
    private readonly resumeUrls: ResumeUrls,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
  ) {}

  async handle(event: ExecutionStartedEvent): Promise<void> {
    if (!event.aggregateId) return;
    try {
      await this.resumeUrls.register({
        tenantId: event.tenantId,
        executionId: event.aggregateId,
        workflowId: event.payload.workflowId,
        workflowVersion: event.payload.workflowVersion,
      });
    } catch (error) {
      this.logger.warn(
        { err: error, executionId: event.aggregateId },
        'resume registrations not created at start; the first node that needs them creates them',
      );
    }
  }
}
