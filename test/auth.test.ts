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

  it("throttles wrong passwords per account and address with growing waits, never the person's own address", async () => {
    const { users } = await createTestOrg(ctx);
    const attempt = (password: string, remoteAddress: string, email = users.manager.email) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password },
        remoteAddress,
      });
    // The manager signs in from the office once: that address is theirs.
    expect((await attempt(TEST_PASSWORD, '10.9.0.1')).statusCode).toBe(200);
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await attempt('wrong password', '10.9.1.1')).statusCode);
    // Five free failures, then the address waits 1 s, 2 s…: the next attempt is early.
    expect(codes).toEqual([401, 401, 401, 401, 401, 401, 429]);
    const early = await attempt(TEST_PASSWORD, '10.9.1.1');
    expect(early.statusCode).toBe(429);
    expect(early.json().error.code).toBe('rate_limited');
    // Their own address is not affected by what happens elsewhere.
    expect((await attempt(TEST_PASSWORD, '10.9.0.1')).statusCode).toBe(200);
    ctx.clock.advance(2_000);
    expect((await attempt(TEST_PASSWORD, '10.9.1.1')).statusCode).toBe(200);
  });

  it('answers an unknown account exactly as a known one', async () => {
    const { users } = await createTestOrg(ctx);
    const run = async (email: string, ip: string) => {
      const out: string[] = [];
      for (let i = 0; i < 8; i++) {
        const r = await ctx.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email, password: 'wrong password' },
          remoteAddress: ip,
        });
        out.push(`${r.statusCode} ${r.json().error.code}`);
      }
      return out;
    };
    const known = await run(users.quality.email, '10.9.7.1');
    const unknown = await run(`nobody-${users.quality.email}`, '10.9.7.2');
    expect(unknown).toEqual(known);
    expect(known).not.toContain('423 account_locked');
  });

  it('tells the person by e-mail, once an hour, when their account is being guessed', async () => {
    const { org, users } = await createTestOrg(ctx);
    for (let i = 0; i < 8; i++)
      await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: users.responder.email, password: 'guess ' + i },
        remoteAddress: `10.9.3.${i + 1}`,
      });
    const alerts = await ctx.db
      .selectFrom('outgoing_messages')
      .select(['to_address', 'subject', 'text_body'])
      .where('org_id', '=', org.id)
      .where('kind', '=', 'security')
      .execute();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.to_address).toBe(users.responder.email);
    expect(alerts[0]!.text_body).toContain('5 lần');
  });

  it("slows a guessing campaign from many addresses, but not the person's own address", async () => {
    const { users } = await createTestOrg(ctx);
    const attempt = (password: string, remoteAddress: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: users.agent.email, password },
        remoteAddress,
      });
    expect((await attempt(TEST_PASSWORD, '10.9.4.250')).statusCode).toBe(200);
    for (let i = 0; i < 50; i++)
      expect((await attempt('guess', `10.9.5.${i + 1}`)).statusCode).toBe(401);
    expect((await attempt(TEST_PASSWORD, '10.9.6.1')).statusCode).toBe(429);
    expect((await attempt(TEST_PASSWORD, '10.9.4.250')).statusCode).toBe(200);
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
