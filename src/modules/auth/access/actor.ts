import type { Role } from '../domain/role.js';

/** Who is calling: a user (JWT) or a machine client (API key), always within one tenant. */
export interface Actor {
  kind: 'user' | 'api_key';
  tenantId: string;
  /** The user id, or the API key id for machine clients. */
  id: string;
  role: Role;
}
