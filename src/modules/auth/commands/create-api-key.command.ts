import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';
import type { Role } from '../domain/role.js';
import type { CreatedApiKeyResponse } from '../dto/created-api-key.response.js';

export class CreateApiKeyCommand extends TenantCommand<CreatedApiKeyResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly actorRole: Role,
    readonly name: string,
    readonly role: Role,
  ) {
    super(tenantId, actorId);
  }
}
