import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';

/** DELETE /api/workflows/:id: archives (history kept; its webhooks deactivate on the event). */
export class ArchiveWorkflowCommand extends TenantCommand {
  constructor(
    tenantId: string,
    actorId: string,
    readonly workflowId: string,
    readonly expectedVersion: number | undefined,
  ) {
    super(tenantId, actorId);
  }
}
