/** Roles in increasing power: viewer reads; editor writes workflows, webhooks, channels, credentials and
 * runs executions; admin also manages users and API keys; owner also the tenant. */
export const ROLES = ['viewer', 'editor', 'admin', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function roleAtLeast(role: Role, required: Role): boolean {
  return roleRank(role) >= roleRank(required);
}
