import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

// Monday 2 March 2026, 09:00 in Hồ Chí Minh City (UTC+7).
const MONDAY_9 = new Date('2026-03-02T02:00:00Z');
const minutesAfter9 = (m: number) => new Date(MONDAY_9.getTime() + m * 60_000);

let ctx: TestContext;
/** The SQL the app sent while `recording` is on (the real statements, run as usual). */
const statements: string[] = [];
let recording = false;
const seen = new WeakSet<pg.PoolClient>();

beforeAll(async () => {
  ctx = await createTestContext({ start: MONDAY_9 });
  ctx.pool.on('acquire', (client) => {
    if (seen.has(client)) return;
    seen.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
      const first = args[0];
      const text = typeof first === 'string' ? first : (first as { text?: string }).text;
      if (recording && text) statements.push(text);
      return query(...args);
    };
  });
});
afterAll(async () => ctx.close());

async function recorded<T>(run: () => Promise<T>) {
  statements.length = 0;
  recording = true;
  try {
    return { result: await run(), sql: [...statements] };
  } finally {
    recording = false;
  }
}
const touching = (sql: string[], table: string) => sql.filter((s) => s.includes(`"${table}"`));

describe('the deadline-request list', () => {
  it('pages through more requests than fit on one page, newest first, with the total, reading the policy once', async () => {
    ctx.clock.set(MONDAY_9);
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const delivery = (await admin.post('/api/departments', { name: 'Giao vận' })).json();
    await admin.patch(`/api/users/${users.responder.id}`, { departmentId: delivery.id });
    const agent = await signIn(ctx, users.agent.email);
    const responder = await signIn(ctx, users.responder.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();

    // Seven requests, one a minute from 09:00 to 09:06 local.
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ctx.clock.set(minutesAfter9(i));
      const sent = await agent.post(`/api/complaints/${complaint.id}/deadline-requests`, {
        departmentId: delivery.id,
        question: `Khi nào giao lại được? (${i + 1})`,
      });
      expect(sent.statusCode).toBe(201);
      ids.push(sent.json().id);
    }
    ctx.clock.set(minutesAfter9(10));

    const page = async (n: number, size: number, status = 'open') => {
      const response = await responder.get(
        `/api/deadline-requests?status=${status}&page=${n}&pageSize=${size}`,
      );
      expect(response.statusCode).toBe(200);
      return response.json() as {
        items: { id: string; question: string; clock: { state: string; dueAt: string } }[];
        total: number;
        page: number;
        pageSize: number;
      };
    };
    const newestFirst = [...ids].reverse();
    const first = await page(1, 3);
    const second = await page(2, 3);
    const third = await page(3, 3);
    expect([first.total, second.total, third.total]).toEqual([7, 7, 7]);
    expect([first.page, first.pageSize]).toEqual([1, 3]);
    expect(first.items.map((r) => r.id)).toEqual(newestFirst.slice(0, 3));
    expect(second.items.map((r) => r.id)).toEqual(newestFirst.slice(3, 6));
    expect(third.items.map((r) => r.id)).toEqual(newestFirst.slice(6));
    expect(third.items[0]!.question).toBe('Khi nào giao lại được? (1)');
    // Each clock is the standard policy's 30 minutes from its own request (all in open hours):
    // the newest, sent at 09:06 local (02:06Z), is due at 09:36 (02:36Z); the oldest at 02:30Z.
    expect(first.items[0]!.clock).toMatchObject({
      state: 'running',
      dueAt: '2026-03-02T02:36:00.000Z',
    });
    expect(third.items[0]!.clock).toMatchObject({
      state: 'running',
      dueAt: '2026-03-02T02:30:00.000Z',
    });
    // Past the end: no items, the same total.
    expect(await page(4, 3)).toMatchObject({ items: [], total: 7, page: 4 });

    // The policy, its calendar and the complaints' labels are read once a page, however long.
    const one = await recorded(() => page(1, 1));
    const all = await recorded(() => page(1, 7));
    expect(one.result.items).toHaveLength(1);
    expect(all.result.items).toHaveLength(7);
    for (const table of ['sla_policies', 'sla_calendars', 'complaints']) {
      expect(touching(all.sql, table), table).toHaveLength(touching(one.sql, table).length);
    }
    expect(touching(all.sql, 'sla_policies')).toHaveLength(1);

    // An answered request leaves the open list and stays in "all".
    const answered = await responder.post(`/api/deadline-requests/${ids[0]}/answer`, {
      dueAt: '2026-03-03T10:00:00Z',
    });
    expect(answered.statusCode).toBe(200);
    expect((await page(1, 3)).total).toBe(6);
    expect((await page(3, 3)).items).toEqual([]);
    const everything = await page(3, 3, 'all');
    expect(everything.total).toBe(7);
    expect(everything.items.map((r) => r.id)).toEqual([ids[0]]);
    expect((await page(1, 10, 'answered')).items.map((r) => r.id)).toEqual([ids[0]]);
    // The agent who asked sees them as theirs; someone of another department sees none.
    const mine = await agent.get('/api/deadline-requests?scope=mine&status=all&pageSize=2');
    expect(mine.json()).toMatchObject({ total: 7, pageSize: 2 });
    expect(mine.json().items).toHaveLength(2);
    const quality = await signIn(ctx, users.quality.email);
    expect((await quality.get('/api/deadline-requests?status=all')).json()).toMatchObject({
      items: [],
      total: 0,
    });
  });

  it('answers a bad page or page size with a 400 naming the field, in the reader’s language', async () => {
    const { users } = await createTestOrg(ctx);
    const responder = await signIn(ctx, users.responder.email);
    for (const [query, field] of [
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['pageSize=0', 'pageSize'],
      ['pageSize=201', 'pageSize'],
    ] as const) {
      const response = await responder.request(
        'GET',
        `/api/deadline-requests?${query}`,
        undefined,
        {
          'accept-language': 'en',
        },
      );
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.field, query).toBe(field);
    }
    // The same refusal in Vietnamese, the responder's own language.
    const vi = (await responder.get('/api/deadline-requests?pageSize=0')).json();
    const en = (
      await responder.request('GET', '/api/deadline-requests?pageSize=0', undefined, {
        'accept-language': 'en',
      })
    ).json();
    expect(vi.error.field).toBe('pageSize');
    expect(vi.error.message).not.toBe(en.error.message);
    // The defaults: the first page of 25.
    expect((await responder.get('/api/deadline-requests')).json()).toMatchObject({
      items: [],
      total: 0,
      page: 1,
      pageSize: 25,
    });
  });
});
