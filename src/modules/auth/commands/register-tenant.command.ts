import { Command } from '@nestjs/cqrs';
import type { SessionResponse } from '../dto/session.response.js';

/** Creates a tenant and its owner, and signs the owner in. */
export class RegisterTenantCommand extends Command<SessionResponse> {
  constructor(
    readonly tenantName: string,
    readonly email: string,
    readonly password: string,
  ) {
    super();
  }
}
