import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import type { Role } from '../domain/role.js';

export const ACCESS_POLICY = 'flowhook:access-policy';

export type AccessPolicy = { kind: 'public' } | { kind: 'role'; role: Role };

/** No credentials needed (health, ingress authenticated by its own token, login). */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);
}

/**
 * A JWT or API key whose role is at least `role`. Every route declares either this or `@Public()`:
 * the AccessGuard refuses routes without a policy (fail closed).
 */
export function RequireRole(role: Role): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'role', role } satisfies AccessPolicy),
    ApiBearerAuth('bearer'),
    ApiSecurity('api-key'),
  );
}
