import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';

/** Ends the session family the refresh token belongs to (only the caller's own). */
export class LogoutCommand extends TenantCommand {
  constructor(
    tenantId: string,
    actorId: string,
    readonly refreshToken: string,
  ) {
    super(tenantId, actorId);
  }
}
