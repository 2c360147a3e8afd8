import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../../../platform/errors/domain-error.js';
import { RequestContext } from '../../../platform/observability/request-context.js';
import { roleAtLeast } from '../domain/role.js';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy.decorator.js';
import type { AuthenticatedRequest } from './current-actor.decorator.js';
import { CredentialsAuthenticator } from './credentials-authenticator.js';

/**
 * Global guard: every HTTP route must declare `@Public()` or `@RequireRole(role)`. A route without a
 * policy is refused (fail closed); a missing or bad credential → 401; a too-weak role → 403.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: CredentialsAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy)
      throw new DomainError('forbidden', 'no_access_policy', 'This route declares no access policy and is closed.');
    if (policy.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = await this.authenticator.authenticate(request.headers);
    if (!actor)
      throw new DomainError(
        'unauthenticated',
        'unauthenticated',
        'Missing or invalid credentials: send a Bearer access token or X-API-Key.',
      );
    request.actor = actor;
    RequestContext.setIdentity(actor.tenantId, actor.id);
    if (!roleAtLeast(actor.role, policy.role)) {
      throw new DomainError('forbidden', 'insufficient_role', `This action needs the ${policy.role} role or higher.`);
    }
    return true;
  }
}
