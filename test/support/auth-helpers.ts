import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import type { TestApp } from './test-app.js';

export interface RegisteredTenant {
  tenantId: string;
  userId: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  /** The simulated client IP this tenant's requests come from. */
  ip: string;
}

/** A random client address, so per-IP throttles of one spec never touch another's. */
export function randomIp(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

export async function registerTenant(t: TestApp, name = 'Tenant'): Promise<RegisteredTenant> {
  const email = `owner-${randomUUID()}@example.com`;
  const password = `pw-${randomBytes(12).toString('hex')}`;
  const ip = randomIp();
  const response = await request(t.app.getHttpServer())
    .post('/api/auth/register')
    .set('X-Forwarded-For', ip)
    .send({ tenantName: `${name} ${randomUUID().slice(0, 8)}`, email, password });
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  return {
    tenantId: response.body.tenant.id,
    userId: response.body.user.id,
    email,
    password,
    accessToken: response.body.accessToken,
    refreshToken: response.body.refreshToken,
    ip,
  };
}

/** Adds a user with the role to the tenant and signs them in. */
export async function addUser(t: TestApp, owner: RegisteredTenant, role: string): Promise<RegisteredTenant> {
  const http = request(t.app.getHttpServer());
  const email = `${role}-${randomUUID()}@example.com`;
  const password = `pw-${randomBytes(12).toString('hex')}`;
  const created = await http
    .post('/api/users')
    .set('Authorization', `Bearer ${owner.accessToken}`)
    .send({ email, password, role });
  if (created.status !== 201) throw new Error(`create user failed: ${created.status} ${JSON.stringify(created.body)}`);
  const ip = randomIp();
  const login = await request(t.app.getHttpServer())
    .post('/api/auth/login')
    .set('X-Forwarded-For', ip)
    .send({ email, password });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  return {
    tenantId: owner.tenantId,
    userId: created.body.id,
    email,
    password,
    accessToken: login.body.accessToken,
    refreshToken: login.body.refreshToken,
    ip,
  };
}

export function bearer(tenant: { accessToken: string }): [string, string] {
  return ['Authorization', `Bearer ${tenant.accessToken}`];
}
