import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';

export class RevokeApiKeyCommand extends TenantCommand {
  constructor(
    tenantId: string,
    actorId: string,
    readonly apiKeyId: string,
  ) {
    super(tenantId, actorId);
  }
}
