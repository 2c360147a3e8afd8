import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { UserPageResponse } from '../dto/user-page.response.js';

export class ListUsersQuery extends TenantQuery<UserPageResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly page: number,
    readonly limit: number,
  ) {
    super(tenantId, actorId);
  }
}
