import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { ApiKeyPageResponse } from '../dto/api-key-page.response.js';

export class ListApiKeysQuery extends TenantQuery<ApiKeyPageResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly page: number,
    readonly limit: number,
  ) {
    super(tenantId, actorId);
  }
}
