import { Command } from '@nestjs/cqrs';

/** Worker side of ingress: validate, transform, start the workflow, record the outcome on the event. */
export class ProcessWebhookEventCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly eventId: string,
    /** A replay runs an already processed event again. */
    readonly replay = false,
  ) {
    super();
  }
}
