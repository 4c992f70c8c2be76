import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyClient,
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  TEST_PASSWORD,
  type TestContext,
} from './helpers.ts';
import { permissions, rolePermissions } from '../src/modules/kernel/index.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('routes and permissions', () => {
  it('has a declared permission on every route, and only known ones', () => {
    const known = new Set<string>([...permissions, 'public', 'authenticated']);
    expect(ctx.app.declaredRoutes.length).toBeGreaterThan(40);
    for (const route of ctx.app.declaredRoutes) {
      expect(route.permission, `${route.method} ${route.url}`).toBeDefined();
      expect(
        known.has(route.permission!),
        `${route.method} ${route.url}: ${route.permission}`,
      ).toBe(true);
    }
  });

  it('answers 401 on every non-public API route without a session', async () => {
    const guarded = ctx.app.declaredRoutes.filter(
      (r) => r.permission !== 'public' && r.url.startsWith('/api/') && r.method !== 'HEAD',
    );
    for (const route of guarded) {
      const url = route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const response = await ctx.app.inject({
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' ? undefined : {},
      });
      expect(response.statusCode, `${route.method} ${url}`).toBe(401);
    }
  });

  it('checks each role against its permission', async () => {
    const { users } = await createTestOrg(ctx);
    const responder = await signIn(ctx, users.responder.email);
    expect((await responder.post('/api/complaints', sampleComplaint())).statusCode).toBe(403);
    expect((await responder.get('/api/complaints')).statusCode).toBe(200);
    const agent = await signIn(ctx, users.agent.email);
    expect(
      (
        await agent.post('/api/users', {
          name: 'x',
          email: 'x@y.z',
          role: 'admin',
          password: 'long enough pw',
        })
      ).statusCode,
    ).toBe(403);
    expect((await agent.get('/api/audit')).statusCode).toBe(403);
    expect(rolePermissions.admin).toEqual(permissions);
  });
});

describe('sign-in and sessions', () => {
  it('sets an httpOnly, SameSite session cookie, Secure behind TLS', async () => {
    const { users } = await createTestOrg(ctx);
    const plain = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: users.agent.email, password: TEST_PASSWORD },
      remoteAddress: '10.9.0.1',
    });
    const cookie = plain.cookies.find((c) => c.name === 'ombud_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(plain.json().user.permissions).toContain('complaint:create');
  });

  it('hashes passwords with argon2id', async () => {
    const { org, users } = await createTestOrg(ctx);
    const row = await ctx.db
      .selectFrom('users')
      .select('password_hash')
      .where('org_id', '=', org.id)
      .where('id', '=', users.agent.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('requires the CSRF header on cookie-authenticated changes', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const without = await ctx.app.inject({
      method: 'POST',
      url: '/api/complaints',
      headers: { cookie: agent.cookie },
      payload: sampleComplaint(),
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/complaints',
      headers: { cookie: agent.cookie, 'x-csrf-token': 'nope' },
      payload: sampleComplaint(),
    });
    expect(wrong.statusCode).toBe(403);
    expect((await agent.post('/api/complaints', sampleComplaint())).statusCode).toBe(201);
  });

  it('locks an account after five wrong passwords', async () => {
    const { users } = await createTestOrg(ctx);
    const attempt = (password: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: users.manager.email, password },
        remoteAddress: '10.9.1.1',
      });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await attempt('wrong password')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const locked = await attempt(TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toContain('15');
    ctx.clock.advance(16 * 60_000);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const r = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: `nobody${i}@x.test`, password: 'x' },
        remoteAddress: '10.9.2.2',
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it('logs out and ends the session', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends sessions when an admin deactivates a user', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const admin = await signIn(ctx, users.admin.email);
    expect((await admin.patch(`/api/users/${users.agent.id}`, { active: false })).statusCode).toBe(
      200,
    );
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('API keys', () => {
  it('authenticates the REST API, and stops working once revoked', async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const api = await apiKeyClient(ctx, admin);
    expect(api.token).toMatch(/^omb_[0-9a-f]{32}\./);
    const created = await api.request(
      'POST',
      '/api/complaints',
      sampleComplaint({ channel: 'api' }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json().complaint.intakeAgentId).toBeNull();
    // Keys cannot administer.
    expect((await api.request('GET', '/api/users')).statusCode).toBe(403);
    const keys = (await admin.get('/api/api-keys')).json().items;
    expect(keys[0].lastFour).toBe(api.token.slice(-4));
    expect((await admin.delete(`/api/api-keys/${keys[0].id}`)).statusCode).toBe(200);
    expect((await api.request('GET', '/api/complaints')).statusCode).toBe(401);
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: '/api/complaints',
          headers: { authorization: 'Bearer omb_garbage' },
        })
      ).statusCode,
    ).toBe(401);
  });
});
