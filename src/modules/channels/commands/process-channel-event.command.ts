import { Command } from '@nestjs/cqrs';

/** Fans a stored channel event out to every matching published workflow. */
export class ProcessChannelEventCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly eventId: string,
  ) {
    super();
  }
}
