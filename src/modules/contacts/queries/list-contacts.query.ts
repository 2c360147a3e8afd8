import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { ContactPageResponse } from '../dto/contact.response.js';

export class ListContactsQuery extends TenantQuery<ContactPageResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly search: string | undefined,
    readonly page: number,
    readonly limit: number,
  ) {
    super(tenantId, actorId);
  }
}
