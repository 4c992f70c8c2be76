import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  nextAddress,
  sampleComplaint,
  type TestContext,
} from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const cli = (args: string[]) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, [path.resolve('dist/server/cli.mjs'), ...args], {
      env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });

const call = (token: string, method: 'GET' | 'POST', url: string, body?: object) =>
  ctx.app.inject({
    method,
    url,
    remoteAddress: nextAddress(),
    headers: { authorization: `Bearer ${token}` },
    ...(body ? { payload: body as Record<string, unknown> } : {}),
  });

describe('ombud api-key:create', () => {
  it('prints one JSON line with a key that works, acting as the role given', async () => {
    const { org } = await createTestOrg(ctx);
    const made = await cli([
      'api-key:create',
      '--org',
      org.slug,
      '--name',
      'Tổng đài nội bộ',
      '--role',
      'agent',
    ]);
    expect(made.code, made.err).toBe(0);
    const lines = made.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!);
    expect(answer).toMatchObject({
      key: expect.stringMatching(/^omb_/),
      name: 'Tổng đài nội bộ',
      role: 'agent',
    });
    const created = await call(answer.key, 'POST', '/api/complaints', sampleComplaint());
    expect(created.statusCode).toBe(201);
    // An agent may not manage users; the key acts as an agent, nothing more.
    expect((await call(answer.key, 'GET', '/api/users')).statusCode).toBe(200);
    expect((await call(answer.key, 'POST', '/api/users', { name: 'x' })).statusCode).toBe(403);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('org_id', '=', org.id)
      .where('action', '=', 'apikey.created')
      .execute();
    expect(audit).toHaveLength(1);
  }, 60_000);

  it('without a role keeps the integration permissions; refuses an unknown role or org', async () => {
    const { org } = await createTestOrg(ctx);
    const plain = JSON.parse(
      (await cli(['api-key:create', '--org', org.slug, '--name', 'crm'])).out,
    );
    expect(plain.role).toBeNull();
    expect((await call(plain.key, 'POST', '/api/complaints', sampleComplaint())).statusCode).toBe(
      201,
    );
    expect((await call(plain.key, 'GET', '/api/users')).statusCode).toBe(403);
    const badRole = await cli([
      'api-key:create',
      '--org',
      org.slug,
      '--name',
      'x',
      '--role',
      'root',
    ]);
    expect(badRole.code).not.toBe(0);
    expect(badRole.err).toContain('--role');
    const badOrg = await cli(['api-key:create', '--org', 'no-such-org', '--name', 'x']);
    expect(badOrg.code).not.toBe(0);
    expect(badOrg.err).toContain('no org');
  }, 60_000);
});
