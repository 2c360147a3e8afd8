import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';
import type { ExecutionResponse } from '../dto/execution.response.js';

/** Running nodes finish, nothing new starts, waiting nodes and their resume URLs end. */
export class CancelExecutionCommand extends TenantCommand<ExecutionResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly executionId: string,
  ) {
    super(tenantId, actorId);
  }
}
