import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { CredentialPageResponse } from '../dto/credential.response.js';

export class ListCredentialsQuery extends TenantQuery<CredentialPageResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly page: number,
    readonly limit: number,
  ) {
    super(tenantId, actorId);
  }
}
