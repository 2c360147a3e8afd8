import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';

export class DeleteChannelCommand extends TenantCommand {
  constructor(
    tenantId: string,
    actorId: string,
    readonly channelId: string,
  ) {
    super(tenantId, actorId);
  }
}
