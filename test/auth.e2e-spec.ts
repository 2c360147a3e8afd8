import { SignJWT } from 'jose';
import request from 'supertest';
import { DataSource as DataSourceToken } from 'typeorm';
import { addUser, bearer, randomIp, registerTenant, type RegisteredTenant } from './support/auth-helpers.js';
import { expectProblem } from './support/problem-assertions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('Auth and tenancy', () => {
  let t: TestApp;
  let owner: RegisteredTenant;
  const responses: string[] = [];

  const http = () => request(t.app.getHttpServer());
  const record = <T extends { text: string }>(response: T): T => {
    responses.push(response.text);
    return response;
  };

  beforeAll(async () => {
    t = await createTestApp();
    owner = await registerTenant(t, 'Acme');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('register, login, me', () => {
    it('register answers 201 with tokens, the owner and the tenant', async () => {
      const email = `Reg-${Date.now()}@Example.com`;
      const response = record(
        await http()
          .post('/api/auth/register')
          .set('X-Forwarded-For', randomIp())
          .send({ tenantName: 'Shop', email, password: 'a long password 1' }),
      );
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.stringMatching(/^rt_/),
        tokenType: 'Bearer',
        expiresIn: 900,
        user: {
          id: expect.any(String),
          tenantId: response.body.tenant.id,
          email: email.toLowerCase(),
          role: 'owner',
          createdAt: expect.any(String),
        },
        tenant: { id: expect.any(String), name: 'Shop', createdAt: expect.any(String) },
      });
    });

    it('refuses a second account with the same email (any case) with 409', async () => {
      const response = record(
        await http()
          .post('/api/auth/register')
          .set('X-Forwarded-For', randomIp())
          .send({ tenantName: 'Other', email: owner.email.toUpperCase(), password: 'a long password 2' }),
      );
      expectProblem(response, 409, 'email_taken');
    });

    it('lists every invalid field and rejects unknown properties with 400', async () => {
      const response = await http()
        .post('/api/auth/register')
        .set('X-Forwarded-For', randomIp())
        .send({ email: 'nope', password: 'short', admin: true });
      expectProblem(response, 400, 'validation_failed');
      const fields = (response.body.errors as { field: string }[]).map((error) => error.field);
      expect(fields).toEqual(expect.arrayContaining(['tenantName', 'email', 'password', 'admin']));
      expect(response.body.errors).toContainEqual({ field: 'admin', message: 'admin should not exist' });
    });

    it('logs in and tells who is signed in', async () => {
      const login = record(
        await http()
          .post('/api/auth/login')
          .set('X-Forwarded-For', owner.ip)
          .send({ email: owner.email, password: owner.password }),
      );
      expect(login.status).toBe(200);
      const me = record(
        await http()
          .get('/api/auth/me')
          .set(...bearer(login.body)),
      );
      expect(me.status).toBe(200);
      expect(me.body.user).toMatchObject({
        id: owner.userId,
        email: owner.email,
        role: 'owner',
        tenantId: owner.tenantId,
      });
      expect(me.body.tenant.id).toBe(owner.tenantId);
    });

    it.each([
      ['a wrong password', () => ({ email: owner.email, password: 'wrong password!' })],
      ['an unknown email', () => ({ email: 'nobody@example.com', password: 'whatever password' })],
    ])('answers 401 for %s', async (_case, body) => {
      const response = await http().post('/api/auth/login').set('X-Forwarded-For', randomIp()).send(body());
      expectProblem(response, 401, 'invalid_credentials');
    });
  });

  describe('access tokens', () => {
    const secret = () => new TextEncoder().encode(t.config.jwtSecret);
    const claims = () => ({ tenantId: owner.tenantId, role: 'owner' });

    it.each([
      ['no credentials', async () => undefined],
      ['a malformed token', async () => 'not.a.jwt'],
      [
        'an expired token',
        async () =>
          new SignJWT(claims())
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject(owner.userId)
            .setIssuer('flowhook')
            .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
            .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
            .sign(secret()),
      ],
      [
        'a token signed with another secret',
        async () =>
          new SignJWT(claims())
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject(owner.userId)
            .setIssuer('flowhook')
            .setExpirationTime('5m')
            .sign(new TextEncoder().encode('another-secret-another-secret-another-secret')),
      ],
      [
        'an alg:none token',
        async () =>
          `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: owner.userId, ...claims(), iss: 'flowhook', exp: Math.floor(Date.now() / 1000) + 300 })}.`,
      ],
      [
        'a token whose role was tampered with',
        async () => {
          const [header, payload, signature] = (
            await new SignJWT({ tenantId: owner.tenantId, role: 'viewer' })
              .setProtectedHeader({ alg: 'HS256' })
              .setSubject(owner.userId)
              .setIssuer('flowhook')
              .setExpirationTime('5m')
              .sign(secret())
          ).split('.');
          const forged = b64({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'owner' });
          return `${header}.${forged}.${signature}`;
        },
      ],
    ])('answers 401 for %s', async (_case, token) => {
      const value = await token();
      const call = http().get('/api/auth/me');
      if (value) call.set('Authorization', `Bearer ${value}`);
      expectProblem(await call, 401, 'unauthenticated');
    });
  });

  describe('refresh tokens', () => {
    it('rotate, and a reused one revokes the whole family', async () => {
      const session = await http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', randomIp())
        .send({ email: owner.email, password: owner.password });
      const first = session.body.refreshToken as string;

      const rotated = record(await http().post('/api/auth/refresh').send({ refreshToken: first }));
      expect(rotated.status).toBe(200);
      const second = rotated.body.refreshToken as string;
      expect(second).not.toBe(first);
      await http()
        .get('/api/auth/me')
        .set(...bearer(rotated.body))
        .expect(200);

      expectProblem(await http().post('/api/auth/refresh').send({ refreshToken: first }), 401, 'refresh_token_reused');
      // The family is revoked: the newer token is refused too.
      expectProblem(await http().post('/api/auth/refresh').send({ refreshToken: second }), 401);
    });

    it('of two concurrent refreshes with one token, exactly one wins', async () => {
      const session = await http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', randomIp())
        .send({ email: owner.email, password: owner.password });
      const results = await Promise.all(
        [1, 2].map(() => http().post('/api/auth/refresh').send({ refreshToken: session.body.refreshToken })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    });

    it('answers 401 for an unknown refresh token', async () => {
      expectProblem(
        await http().post('/api/auth/refresh').send({ refreshToken: 'rt_unknown' }),
        401,
        'invalid_refresh_token',
      );
    });

    it('logout revokes the family (204), so the refresh token stops working', async () => {
      const session = await http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', randomIp())
        .send({ email: owner.email, password: owner.password });
      await http()
        .post('/api/auth/logout')
        .set(...bearer(session.body))
        .send({ refreshToken: session.body.refreshToken })
        .expect(204);
      expectProblem(await http().post('/api/auth/refresh').send({ refreshToken: session.body.refreshToken }), 401);
    });
  });

  describe('roles', () => {
    it('a viewer and an editor cannot manage users (403); an admin can', async () => {
      const viewer = await addUser(t, owner, 'viewer');
      const editor = await addUser(t, owner, 'editor');
      const admin = await addUser(t, owner, 'admin');
      for (const user of [viewer, editor]) {
        expectProblem(
          await http()
            .get('/api/users')
            .set(...bearer(user)),
          403,
          'insufficient_role',
        );
        expectProblem(
          await http()
            .post('/api/users')
            .set(...bearer(user))
            .send({ email: 'x@example.com', password: 'a long password', role: 'viewer' }),
          403,
        );
      }
      const list = record(
        await http()
          .get('/api/users?limit=100')
          .set(...bearer(admin)),
      );
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ page: 1, limit: 100, total: expect.any(Number) });
      expect(list.body.items.map((u: { id: string }) => u.id)).toEqual(
        expect.arrayContaining([viewer.userId, editor.userId, admin.userId]),
      );
    });

    it('an admin cannot grant owner nor touch an owner (403)', async () => {
      const admin = await addUser(t, owner, 'admin');
      expectProblem(
        await http()
          .post('/api/users')
          .set(...bearer(admin))
          .send({ email: `o-${Date.now()}@example.com`, password: 'a long password', role: 'owner' }),
        403,
        'role_above_own',
      );
      expectProblem(
        await http()
          .patch(`/api/users/${owner.userId}`)
          .set(...bearer(admin))
          .send({ role: 'viewer' }),
        403,
        'owner_protected',
      );
      expectProblem(
        await http()
          .delete(`/api/users/${owner.userId}`)
          .set(...bearer(admin)),
        403,
        'owner_protected',
      );
    });

    it('the last owner cannot be demoted or removed (409)', async () => {
      const solo = await registerTenant(t, 'Solo');
      expectProblem(
        await http()
          .patch(`/api/users/${solo.userId}`)
          .set(...bearer(solo))
          .send({ role: 'admin' }),
        409,
        'last_owner',
      );
      expectProblem(
        await http()
          .delete(`/api/users/${solo.userId}`)
          .set(...bearer(solo)),
        409,
        'last_owner',
      );
    });

    it('a role change and a deletion take effect on the next request', async () => {
      const editor = await addUser(t, owner, 'editor');
      await http()
        .patch(`/api/users/${editor.userId}`)
        .set(...bearer(owner))
        .send({ role: 'admin' })
        .expect(200);
      await http()
        .get('/api/users')
        .set(...bearer(editor))
        .expect(200);
      await http()
        .delete(`/api/users/${editor.userId}`)
        .set(...bearer(owner))
        .expect(204);
      expectProblem(
        await http()
          .get('/api/auth/me')
          .set(...bearer(editor)),
        401,
      );
    });

    it('answers 400 for a malformed id and 404 for an unknown user', async () => {
      expectProblem(
        await http()
          .patch('/api/users/not-a-uuid')
          .set(...bearer(owner))
          .send({ role: 'viewer' }),
        400,
      );
      expectProblem(
        await http()
          .delete('/api/users/00000000-0000-4000-8000-000000000000')
          .set(...bearer(owner)),
        404,
        'user_not_found',
      );
    });
  });

  describe('API keys', () => {
    it('are shown once, stored hashed, carry their role, and stop working when revoked', async () => {
      const created = record(
        await http()
          .post('/api/api-keys')
          .set(...bearer(owner))
          .send({ name: 'CI', role: 'viewer' }),
      );
      expect(created.status).toBe(201);
      const key = created.body.key as string;
      expect(key).toMatch(/^fhk_/);

      const list = record(
        await http()
          .get('/api/api-keys')
          .set(...bearer(owner)),
      );
      expect(list.text).not.toContain(key);
      expect(list.body.items).toContainEqual(
        expect.objectContaining({ id: created.body.id, name: 'CI', role: 'viewer', keyPrefix: key.slice(0, 8) }),
      );

      const me = await http().get('/api/auth/me').set('X-API-Key', key);
      expectProblem(me, 404, 'user_not_found');
      expectProblem(
        await http().post('/api/api-keys').set('X-API-Key', key).send({ name: 'escalate', role: 'viewer' }),
        403,
        'insufficient_role',
      );

      await http()
        .delete(`/api/api-keys/${created.body.id}`)
        .set(...bearer(owner))
        .expect(204);
      expectProblem(await http().get('/api/auth/me').set('X-API-Key', key), 401);
      expectProblem(
        await http()
          .delete(`/api/api-keys/${created.body.id}`)
          .set(...bearer(owner)),
        404,
        'api_key_not_found',
      );
    });

    it('an admin key manages users; a key cannot exceed its creator', async () => {
      const admin = await addUser(t, owner, 'admin');
      expectProblem(
        await http()
          .post('/api/api-keys')
          .set(...bearer(admin))
          .send({ name: 'too strong', role: 'owner' }),
        403,
        'role_above_own',
      );
      const created = await http()
        .post('/api/api-keys')
        .set(...bearer(admin))
        .send({ name: 'ops', role: 'admin' })
        .expect(201);
      await http().get('/api/users').set('X-API-Key', created.body.key).expect(200);
    });
  });

  describe('throttling', () => {
    it('login is limited to 10 per minute per (IP, email), answered 429 with Retry-After', async () => {
      const ip = randomIp();
      const statuses: number[] = [];
      let last: request.Response | undefined;
      for (let i = 0; i < 11; i++) {
        last = await http()
          .post('/api/auth/login')
          .set('X-Forwarded-For', ip)
          .send({ email: 'throttled@example.com', password: 'wrong password' });
        statuses.push(last.status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expectProblem(last!, 429, 'rate_limited');
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
      // Another email from the same IP is still allowed.
      const other = await http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ email: 'other@example.com', password: 'wrong password' });
      expect(other.status).toBe(401);
    });
  });

  it('never puts a password or a stored hash in a response or a log line', async () => {
    const hashes: { password_hash?: string; key_hash?: string }[] = [
      ...(await t.app
        .get(DataSourceToken)
        .query('SELECT password_hash FROM users WHERE tenant_id = $1', [owner.tenantId])),
      ...(await t.app
        .get(DataSourceToken)
        .query('SELECT key_hash FROM api_keys WHERE tenant_id = $1', [owner.tenantId])),
    ];
    const secrets = [owner.password, ...hashes.map((row) => row.password_hash ?? row.key_hash!)];
    const everything = [...responses, ...t.logs].join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/\$argon2id\$/);
  });
});

function b64(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
