import { Command } from '@nestjs/cqrs';

/** Gives up on an event whose processing cannot succeed: it ends `failed` with the reason as its error. */
export class FailWebhookEventCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly eventId: string,
    /** A readable, data-free sentence: why processing was given up. */
    readonly reason: string,
    /** The job was a replay: the event is failed whatever its status was. */
    readonly replay = false,
  ) {
    super();
  }
}
