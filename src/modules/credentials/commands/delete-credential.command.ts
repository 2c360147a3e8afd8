import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';

export class DeleteCredentialCommand extends TenantCommand {
  constructor(
    tenantId: string,
    actorId: string,
    readonly credentialId: string,
  ) {
    super(tenantId, actorId);
  }
}
