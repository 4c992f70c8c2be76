import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertOrders,
  insertSubscriptionEvents,
  type NewOrder,
} from '../src/modules/commerce/index.ts';
import type { WinBackList, WinBackReport } from '../src/modules/commerce/win-back.contract.ts';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type Client,
  type TestContext,
} from './helpers.ts';

// Win-back on a fixture with known answers: who enters the queue (a cancellation, no order for
// N days), who does not (bought again, renewed, complained too long ago), the calls, and the
// report's rate and revenue.

const at = (iso: string) => new Date(iso);
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: at('2025-10-01T03:00:00Z') });
});
afterAll(async () => ctx.close());

describe('win-back', () => {
  it('queues the customers who left after a complaint and reports the ones won back', async () => {
    const t = await createTestOrg(ctx);
    let agent: Client = await signIn(ctx, t.users.agent.email);
    const jump = async (iso: string) => {
      ctx.clock.set(at(iso));
      agent = await signIn(ctx, t.users.agent.email);
    };
    let phone = 20;
    const complain = async () => {
      phone += 1;
      const r = await agent.post(
        '/api/complaints',
        sampleComplaint({ customer: { name: `Khách ${phone}`, phone: `09123456${phone}` } }),
      );
      expect(r.statusCode, r.body).toBe(201);
      const id = (r.json() as { complaint: { id: string } }).complaint.id;
      const row = await ctx.db
        .selectFrom('complaints')
        .select('customer_id')
        .where('org_id', '=', t.org.id)
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      ctx.clock.advance(60_000);
      return { id, customerId: row.customer_id };
    };
    const tooOld = await complain(); // more than six months before May: never queued
    await jump('2026-01-05T03:00:00Z');
    const cancelled = await complain();
    const silent = await complain();
    const boughtAgain = await complain();
    const renewed = await complain();

    let n = 0;
    const order = (customerId: string, iso: string, amountMinor: number): NewOrder => {
      n += 1;
      return { externalId: `w-${n}`, customerId, orderedAt: at(iso), amountMinor, currency: 'VND' };
    };
    await insertOrders(ctx.db, t.org.id, [
      order(cancelled.customerId, '2025-12-10T03:00:00Z', 100_000),
      order(boughtAgain.customerId, '2026-01-15T03:00:00Z', 50_000),
      order(renewed.customerId, '2026-01-25T03:00:00Z', 70_000),
      order(cancelled.customerId, '2026-05-10T03:00:00Z', 500_000), // after being won back
      order(cancelled.customerId, '2026-09-01T03:00:00Z', 900_000), // beyond 90 days
    ]);
    const sub = (customerId: string, kind: 'start' | 'renew' | 'cancel', iso: string) => ({
      externalId: `ws-${customerId}-${kind}`,
      customerId,
      subscriptionRef: `sub-${customerId}`,
      kind,
      occurredAt: at(iso),
    });
    await insertSubscriptionEvents(ctx.db, t.org.id, [
      sub(cancelled.customerId, 'start', '2025-12-01T03:00:00Z'),
      sub(cancelled.customerId, 'cancel', '2026-01-20T03:00:00Z'),
      sub(renewed.customerId, 'start', '2025-12-01T03:00:00Z'),
      sub(renewed.customerId, 'cancel', '2026-01-20T03:00:00Z'),
      sub(renewed.customerId, 'renew', '2026-02-01T03:00:00Z'),
    ]);

    await jump('2026-05-01T03:00:00Z');
    const list = await agent.get('/api/win-back');
    expect(list.statusCode, list.body).toBe(200);
    const queue = list.json() as WinBackList;
    expect(queue.currency).toBe('VND');
    const entryOf = (customerId: string) => queue.items.find((i) => i.customerId === customerId);
    expect(queue.items.map((i) => i.customerId).sort()).toEqual(
      [cancelled.customerId, silent.customerId].sort(),
    );
    expect(entryOf(tooOld.customerId)).toBeUndefined();
    expect(entryOf(cancelled.customerId)).toMatchObject({
      trigger: 'cancelled',
      triggeredAt: '2026-01-20T03:00:00.000Z',
      complaintId: cancelled.id,
      dueAt: '2026-05-04T03:00:00.000Z',
      attempts: 0,
      outcome: null,
      spendBeforeMinor: 100_000,
      spendAfterMinor: 0,
      complaints: [{ id: cancelled.id, outcome: 'unresolved' }],
    });
    // No order in the 60 days after the complaint (5 January + 60 days).
    expect(entryOf(silent.customerId)).toMatchObject({
      trigger: 'no_order',
      triggeredAt: '2026-03-06T03:01:00.000Z',
    });

    const w1 = entryOf(cancelled.customerId)!.id;
    const w2 = entryOf(silent.customerId)!.id;
    const owned = await agent.patch(`/api/win-back/${w1}`, {
      ownerId: t.users.agent.id,
      note: 'Gọi lại sau 17:00',
    });
    expect(owned.statusCode, owned.body).toBe(200);
    expect(owned.json()).toMatchObject({
      ownerName: t.users.agent.name,
      note: 'Gọi lại sau 17:00',
    });
    const won = await agent.post(`/api/win-back/${w1}/attempts`, {
      note: 'Khách đồng ý quay lại',
      outcome: 'won_back',
    });
    expect(won.json()).toMatchObject({ attempts: 1, outcome: 'won_back' });
    await agent.post(`/api/win-back/${w2}/attempts`, { note: 'Không nghe máy' });
    const gone = await agent.post(`/api/win-back/${w2}/attempts`, { outcome: 'unreachable' });
    expect(gone.json()).toMatchObject({
      attempts: 2,
      outcome: 'unreachable',
      note: 'Không nghe máy',
    });

    // Read again: nobody enters twice for the same complaint.
    const again = (await agent
      .get('/api/win-back?status=all')
      .then((r) => r.json())) as WinBackList;
    expect(again.items).toHaveLength(2);
    expect(((await agent.get('/api/win-back').then((r) => r.json())) as WinBackList).items).toEqual(
      [],
    );

    const badOwner = await agent.patch(`/api/win-back/${w1}`, {
      ownerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(badOwner.statusCode).toBe(400);
    expect(badOwner.json()).toMatchObject({ error: { field: 'ownerId' } });

    await jump('2026-09-15T03:00:00Z');
    const manager = await signIn(ctx, t.users.manager.email);
    const report = (await manager
      .get('/api/reports/win-back?from=2026-05-01&to=2026-05-02')
      .then((r) => r.json())) as WinBackReport;
    expect(report).toMatchObject({
      closed: 2,
      winBackRate: 0.5,
      revenueWonBackMinor: 500_000,
      byOutcome: { won_back: 1, unreachable: 1, declined: 0, not_a_fit: 0, do_not_contact: 0 },
    });
    expect(report.definitions.queue).toContain('6');

    // N, M and the due days are the org's: only an admin changes them; a bad value names its field.
    const admin = await signIn(ctx, t.users.admin.email);
    expect((await agent.get('/api/win-back-settings')).json()).toEqual({
      noOrderDays: 60,
      complaintMonths: 6,
      dueDays: 3,
    });
    const settings = { noOrderDays: 30, complaintMonths: 12, dueDays: 1 };
    expect((await agent.request('PUT', '/api/win-back-settings', settings)).statusCode).toBe(403);
    const saved = await admin.request('PUT', '/api/win-back-settings', settings);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual(settings);
    // Who changed the rule, from what to what, is in the audit trail.
    const audited = await ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'before', 'after'])
      .where('org_id', '=', t.org.id)
      .where('action', '=', 'win_back_settings.updated')
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({
      actor_id: t.users.admin.id,
      before: { noOrderDays: 60, complaintMonths: 6, dueDays: 3 },
      after: settings,
    });
    const bad = await admin.request('PUT', '/api/win-back-settings', {
      ...settings,
      noOrderDays: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { field: 'noOrderDays' } });

    const responder = await signIn(ctx, t.users.responder.email);
    expect((await responder.get('/api/win-back')).statusCode).toBe(403);
    const other = await createTestOrg(ctx, 'Công ty Khác');
    const otherAgent = await signIn(ctx, other.users.agent.email);
    expect((await otherAgent.patch(`/api/win-back/${w1}`, { note: 'x' })).statusCode).toBe(404);
    expect(
      ((await otherAgent.get('/api/win-back?status=all').then((r) => r.json())) as WinBackList)
        .items,
    ).toEqual([]);
  });

  it('suggests an offer on the call within the caller’s own authority', async () => {
    ctx.clock.set(at('2026-06-01T03:00:00Z'));
    const t = await createTestOrg(ctx, 'Công ty Ưu đãi');
    const agent = await signIn(ctx, t.users.agent.email);
    const r = await agent.post(
      '/api/complaints',
      sampleComplaint({ customer: { name: 'Khách Ưu đãi', phone: '0912000111' } }),
    );
    expect(r.statusCode, r.body).toBe(201);
    const complaintId = (r.json() as { complaint: { id: string } }).complaint.id;
    const { customer_id: customerId } = await ctx.db
      .selectFrom('complaints')
      .select('customer_id')
      .where('id', '=', complaintId)
      .executeTakeFirstOrThrow();
    // 4,000,000 VND in the 90 days before the complaint, then a cancellation after it.
    await insertOrders(ctx.db, t.org.id, [
      {
        externalId: 'o-1',
        customerId,
        orderedAt: at('2026-04-10T03:00:00Z'),
        amountMinor: 4_000_000,
        currency: 'VND',
      },
    ]);
    await insertSubscriptionEvents(ctx.db, t.org.id, [
      {
        externalId: 'o-s1',
        customerId,
        subscriptionRef: 'o-sub',
        kind: 'start',
        occurredAt: at('2026-01-01T03:00:00Z'),
      },
      {
        externalId: 'o-s2',
        customerId,
        subscriptionRef: 'o-sub',
        kind: 'cancel',
        occurredAt: at('2026-06-02T03:00:00Z'),
      },
    ]);
    ctx.clock.set(at('2026-06-03T03:00:00Z'));
    const admin = await signIn(ctx, t.users.admin.email);
    const rule = (role: string, perCaseMinor: number) =>
      admin.post('/api/authority-rules', { role, type: 'voucher', currency: 'VND', perCaseMinor });
    expect((await rule('agent', 255_000)).statusCode).toBe(201);
    expect((await rule('manager', 1_000_000)).statusCode).toBe(201);

    const caller = await signIn(ctx, t.users.agent.email);
    const queue = (await caller.get('/api/win-back').then((x) => x.json())) as WinBackList;
    expect(queue.items).toHaveLength(1);
    const id = queue.items[0]!.id;
    // A tenth of 4,000,000 is 400,000; the agent may give 255,000 alone: 250,000 in whole steps.
    const offer = await caller.get(`/api/win-back/${id}/offer`);
    expect(offer.statusCode, offer.body).toBe(200);
    expect(offer.json()).toMatchObject({
      type: 'voucher',
      currency: 'VND',
      basisMinor: 4_000_000,
      wantedMinor: 400_000,
      amountMinor: 250_000,
      decision: 'allowed',
    });
    expect(offer.json().rule).toContain('10%');
    // The manager's own limit covers the whole 400,000.
    const manager = await signIn(ctx, t.users.manager.email);
    expect((await manager.get(`/api/win-back/${id}/offer`)).json()).toMatchObject({
      amountMinor: 400_000,
      decision: 'allowed',
    });

    const other = await createTestOrg(ctx, 'Công ty Lạ');
    const stranger = await signIn(ctx, other.users.agent.email);
    expect((await stranger.get(`/api/win-back/${id}/offer`)).statusCode).toBe(404);
  });
});
