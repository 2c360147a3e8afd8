import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { ExecutionResponse } from '../dto/execution.response.js';

export class GetExecutionQuery extends TenantQuery<ExecutionResponse> {
  constructor(
    tenantId: string,
    actorId: string | null,
    readonly executionId: string,
  ) {
    super(tenantId, actorId);
  }
}
