import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { textWithoutNul } from '../../../platform/database/postgres-text.js';
import { FailWebhookEventCommand } from './fail-webhook-event.command.js';
import { ProcessingEventStore } from './processing-event.store.js';
import { WebhookEventOutcomes } from './webhook-event-outcomes.js';

/**
 * The job of an event gave up (a permanent failure, or its last attempt failed): the event leaves
 * `received` for `failed`, so no sweeper queues it again. An event already processed is left alone.
 */
@CommandHandler(FailWebhookEventCommand)
export class FailWebhookEventHandler implements ICommandHandler<FailWebhookEventCommand> {
  constructor(
    private readonly events: ProcessingEventStore,
    private readonly outcomes: WebhookEventOutcomes,
  ) {}

  async execute(command: FailWebhookEventCommand): Promise<void> {
    const event = await this.events.load(command.tenantId, command.eventId);
    if (!event || (event.status !== 'received' && !command.replay)) return;
    await this.outcomes.record(event, { status: 'failed', error: textWithoutNul(command.reason), executionId: null });
  }
}
