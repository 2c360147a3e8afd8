import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { NodeExecutionPageResponse } from '../dto/node-execution-page.response.js';

export class ListNodeExecutionsQuery extends TenantQuery<NodeExecutionPageResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly workflowId: string,
    readonly nodeId: string,
    readonly page: number,
    readonly limit: number,
  ) {
    super(tenantId, actorId);
  }
}
