import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';
import type { Role } from '../domain/role.js';
import type { UserResponse } from '../dto/user.response.js';

export class ChangeUserRoleCommand extends TenantCommand<UserResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly actorRole: Role,
    readonly userId: string,
    readonly role: Role,
  ) {
    super(tenantId, actorId);
  }
}
