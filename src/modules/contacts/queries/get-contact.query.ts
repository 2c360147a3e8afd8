import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { ContactResponse } from '../dto/contact.response.js';

export class GetContactQuery extends TenantQuery<ContactResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly contactId: string,
  ) {
    super(tenantId, actorId);
  }
}
