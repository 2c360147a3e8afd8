import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';
import type { CreateCredentialDto } from '../dto/create-credential.dto.js';
import type { CreatedCredentialResponse } from '../dto/credential.response.js';

export class CreateCredentialCommand extends TenantCommand<CreatedCredentialResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly input: CreateCredentialDto,
  ) {
    super(tenantId, actorId);
  }
}
