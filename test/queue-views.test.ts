import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  nextAddress,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

const blns: string[] = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, 'fixtures/naughty-strings/blns.json'), 'utf8'),
);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('whose cases the queue shows', () => {
  it('shows the cases nobody owns yet, alone or beside my own', async () => {
    const { org, users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const manager = await signIn(ctx, users.manager.email);
    const web = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/orgs/${org.slug}/complaints`,
      payload: { name: 'Khách Web', email: 'web@example.vn', description: 'Chưa ai nhận' },
      remoteAddress: nextAddress(),
    });
    expect(web.statusCode).toBe(201);
    const unowned = web.json().reference as string;
    const mine = (await agent.post('/api/complaints', sampleComplaint())).json().complaint
      .reference as string;
    const managers = (await manager.post('/api/complaints', sampleComplaint())).json().complaint
      .reference as string;
    const refs = async (query: string) =>
      ((await agent.get(`/api/complaints?${query}`)).json().items as { reference: string }[])
        .map((i) => i.reference)
        .sort();
    expect(await refs('scope=unassigned')).toEqual([unowned]);
    expect(await refs('ownerId=unassigned')).toEqual([unowned]);
    expect(await refs('scope=mineAndUnassigned')).toEqual([mine, unowned].sort());
    expect(await refs('scope=mineAndUnassigned&sort=dueAt')).toEqual([mine, unowned].sort());
    expect(await refs('scope=mine')).toEqual([mine]);
    expect(await refs('scope=all')).toEqual([mine, managers, unowned].sort());
    expect(await refs(`ownerId=${users.manager.id}`)).toEqual([managers]);
    const bad = await agent.get('/api/complaints?ownerId=nobody');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('ownerId');
  });

  it('opens an agent on their own and unowned work, a manager on all open work, by due time', async () => {
    const { users } = await createTestOrg(ctx);
    const defaults = async (email: string) =>
      (await (await signIn(ctx, email)).get('/api/queue/views')).json();
    expect(await defaults(users.agent.email)).toEqual({
      items: [],
      defaultQuery: { scope: 'mineAndUnassigned', sort: 'dueAt' },
      defaultViewId: null,
    });
    expect((await defaults(users.manager.email)).defaultQuery).toEqual({
      scope: 'all',
      sort: 'dueAt',
    });
    expect((await defaults(users.responder.email)).defaultQuery).toEqual({
      scope: 'all',
      sort: '-createdAt',
    });
  });
});

describe('saved views', () => {
  it('are created, renamed, made the default, picked and deleted by their owner alone', async () => {
    const { users } = await createTestOrg(ctx);
    const other = await createTestOrg(ctx, 'Công ty Khác');
    const agent = await signIn(ctx, users.agent.email);
    const manager = await signIn(ctx, users.manager.email);
    const stranger = await signIn(ctx, other.users.admin.email);

    const urgent = await agent.post('/api/queue/views', {
      name: 'Gấp hôm nay',
      query: { scope: 'mineAndUnassigned', due: 'today', sort: 'dueAt' },
      isDefault: true,
    });
    expect(urgent.statusCode).toBe(201);
    const id = urgent.json().id as string;
    expect(urgent.json()).toMatchObject({ name: 'Gấp hôm nay', isDefault: true });
    let list = (await agent.get('/api/queue/views')).json();
    expect(list.defaultViewId).toBe(id);
    expect(list.defaultQuery).toEqual({ scope: 'mineAndUnassigned', due: 'today', sort: 'dueAt' });

    const renamed = await agent.patch(`/api/queue/views/${id}`, { name: 'Đến hạn hôm nay' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Đến hạn hôm nay', isDefault: true });

    const search = await agent.post('/api/queue/views', {
      name: 'Giao hàng',
      query: { q: 'giao hang', status: 'new' },
    });
    expect(search.json()).toMatchObject({
      isDefault: false,
      query: { scope: 'all', q: 'giao hang' },
    });
    const taken = await agent.post('/api/queue/views', { name: 'Giao hàng', query: {} });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.field).toBe('name');

    // A new default replaces the old one.
    await agent.patch(`/api/queue/views/${search.json().id}`, { isDefault: true });
    list = (await agent.get('/api/queue/views')).json();
    expect(
      list.items.map((v: { name: string; isDefault: boolean }) => [v.name, v.isDefault]),
    ).toEqual([
      ['Giao hàng', true],
      ['Đến hạn hôm nay', false],
    ]);
    expect(list.defaultQuery).toEqual({ scope: 'all', q: 'giao hang', status: 'new' });

    // Invisible to anyone else, in the org or outside it.
    for (const client of [manager, stranger]) {
      expect((await client.get('/api/queue/views')).json().items).toEqual([]);
      expect((await client.patch(`/api/queue/views/${id}`, { name: 'x' })).statusCode).toBe(404);
      expect((await client.delete(`/api/queue/views/${id}`)).statusCode).toBe(404);
    }

    expect((await agent.delete(`/api/queue/views/${id}`)).statusCode).toBe(200);
    expect((await agent.delete(`/api/queue/views/${id}`)).statusCode).toBe(404);
    expect((await agent.patch(`/api/queue/views/${randomUUID()}`, { name: 'x' })).statusCode).toBe(
      404,
    );
    list = (await agent.get('/api/queue/views')).json();
    expect(list.items.map((v: { name: string }) => v.name)).toEqual(['Giao hàng']);

    const audit = (await manager.get('/api/audit?entityType=saved_view')).json().items;
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual(
      [
        'saved_view.created',
        'saved_view.created',
        'saved_view.deleted',
        'saved_view.updated',
        'saved_view.updated',
      ].sort(),
    );
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const cases: [unknown, string][] = [
      [{ name: '', query: {} }, 'name'],
      [{ name: '   ', query: {} }, 'name'],
      [{ name: 'x'.repeat(101), query: {} }, 'name'],
      [{ name: 'a', query: { sort: 'sideways' } }, 'query.sort'],
      [{ name: 'a', query: { scope: 'theirs' } }, 'query.scope'],
      [{ name: 'a' }, 'query'],
    ];
    for (const [body, field] of cases) {
      const response = await agent.post('/api/queue/views', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.field, JSON.stringify(body)).toBe(field);
    }
  });
});

describe('hostile input in the queue (Big List of Naughty Strings)', () => {
  it(`searches for each of ${blns.length} strings and names views with them: stored exactly or refused with a 400, never a 500`, async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    await agent.post('/api/complaints', sampleComplaint());
    let stored = 0;
    for (const s of blns) {
      const searched = await agent.get(`/api/complaints?q=${encodeURIComponent(s)}`);
      expect([200, 400], `q ${JSON.stringify(s)}`).toContain(searched.statusCode);
      if (searched.statusCode === 400) expect(searched.json().error.field).toBe('q');
      const saved = await agent.post('/api/queue/views', {
        name: s,
        query: { q: s.slice(0, 200) },
      });
      expect([201, 400, 409], `name ${JSON.stringify(s)}`).toContain(saved.statusCode);
      if (saved.statusCode === 400) expect(['name', 'query.q']).toContain(saved.json().error.field);
      if (saved.statusCode === 201) {
        expect(saved.json().name).toBe(s);
        stored += 1;
      }
    }
    // Most of the list is ordinary text that must be kept as typed.
    expect(stored).toBeGreaterThan(blns.length / 2);
  });
});
