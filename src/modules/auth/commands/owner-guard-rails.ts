import type { EntityManager } from 'typeorm';
import { lastOwner, ownerProtected } from '../domain/auth-errors.js';
import type { Role } from '../domain/role.js';
import type { UserEntity } from '../entities/user.entity.js';

/**
 * Rules shared by role changes and deletions: only an owner touches an owner, and a tenant never
 * loses its last owner. Owners are locked FOR UPDATE so two concurrent demotions cannot both pass.
 */
export async function assertOwnerMayBeRemoved(
  manager: EntityManager,
  actorRole: Role,
  target: UserEntity,
): Promise<void> {
  if (target.role !== 'owner') return;
  if (actorRole !== 'owner') throw ownerProtected();
  const owners: unknown[] = await manager.query(
    `SELECT id FROM users WHERE tenant_id = $1 AND role = 'owner' FOR UPDATE`,
    [target.tenantId],
  );
  if (owners.length <= 1) throw lastOwner();
}
