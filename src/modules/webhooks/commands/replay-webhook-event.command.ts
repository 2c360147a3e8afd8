import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';

/** Runs a stored event again (a new execution of the published version). */
export class ReplayWebhookEventCommand extends TenantCommand<{ eventId: string }> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly webhookId: string,
    readonly eventId: string,
  ) {
    super(tenantId, actorId);
  }
}
