import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';
import type { Role } from '../domain/role.js';

export class DeleteUserCommand extends TenantCommand {
  constructor(
    tenantId: string,
    actorId: string,
    readonly actorRole: Role,
    readonly userId: string,
  ) {
    super(tenantId, actorId);
  }
}
