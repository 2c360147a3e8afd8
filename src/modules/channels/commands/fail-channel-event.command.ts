import { Command } from '@nestjs/cqrs';

/** Gives up on a channel event whose processing cannot succeed: it ends `failed` with the reason as its error. */
export class FailChannelEventCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly eventId: string,
    /** A readable, data-free sentence: why processing was given up. */
    readonly reason: string,
  ) {
    super();
  }
}
