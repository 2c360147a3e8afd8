import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';

/** Re-runs a failed execution (same id) from its failed node(s), with the recorded inputs. */
export class RetryExecutionCommand extends TenantCommand<{ executionId: string }> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly executionId: string,
  ) {
    super(tenantId, actorId);
  }
}
