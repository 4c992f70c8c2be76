import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertOrders,
  insertReferrals,
  insertSubscriptionEvents,
  type NewOrder,
  type NewSubscriptionEvent,
} from '../src/modules/commerce/index.ts';
import type { CohortReport } from '../src/modules/commerce/index.ts';
import { systemActor } from '../src/platform/actor.ts';
import { rolePermissions } from '../src/modules/kernel/index.ts';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

// The spend and retention cohorts on a fixture whose every figure is computed by hand below.
// The org's zone is Asia/Ho_Chi_Minh (UTC+7); the report covers complaints first contacted in
// January 2026; the report runs on 20 April 2026, so a reference after 20 January has an
// unfinished 90-day window.

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
const plus = (d: Date, days: number) => new Date(d.getTime() + days * DAY);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: at('2025-12-20T02:00:00Z') });
});
afterAll(async () => ctx.close());

describe('cohort report', () => {
  it('computes spend, medians, ratios and retention per cohort exactly', async () => {
    const t = await createTestOrg(ctx);
    let agent = await signIn(ctx, t.users.agent.email);
    // Sessions lapse over weeks: moving the clock signs in again.
    const jump = async (iso: string) => {
      ctx.clock.set(at(iso));
      agent = await signIn(ctx, t.users.agent.email);
    };
    let phone = 10;
    const complain = async (samePhoneAs?: number) => {
      if (samePhoneAs === undefined) phone += 1;
      const digits = samePhoneAs ?? phone;
      const r = await agent.post(
        '/api/complaints',
        sampleComplaint({
          customer: {
            name: `Khách ${digits}`,
            phone: `09123456${digits}`,
            email: `k${digits}@example.vn`,
          },
        }),
      );
      expect(r.statusCode, r.body).toBe(201);
      const id = (r.json() as { complaint: { id: string } }).complaint.id;
      const row = await ctx.db
        .selectFrom('complaints')
        .select(['customer_id', 'created_at'])
        .where('org_id', '=', t.org.id)
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      ctx.clock.advance(60_000);
      return { id, digits, customerId: row.customer_id, ref: new Date(row.created_at) };
    };
    const status = async (id: string, to: string) => {
      const r = await agent.post(`/api/complaints/${id}/status`, { status: to });
      expect(r.statusCode, r.body).toBe(200);
      ctx.clock.advance(60_000);
    };
    const baselineCustomer = async (name: string, phoneNumber: string) => {
      const scope = {
        orgId: t.org.id,
        actor: systemActor,
        permissions: new Set(rolePermissions.admin),
      };
      return (await ctx.services.customers.upsertCustomer(scope, { name, phone: phoneNumber })).id;
    };

    // A complaint before the period: this customer is neither a complainant of the period nor
    // in the baseline, although they order in January.
    const earlier = await complain();

    await jump('2026-01-05T02:00:00Z');
    const a1 = await complain();
    await status(a1.id, 'fixed');
    const a2 = await complain();
    await status(a2.id, 'fixed');
    const a3 = await complain();
    await status(a3.id, 'fixed');
    const b1 = await complain();
    await status(b1.id, 'fixed');
    await status(b1.id, 'in_progress');
    await status(b1.id, 'fixed');
    const b2 = await complain();
    await status(b2.id, 'fixed');
    await status(b2.id, 'in_progress');
    await status(b2.id, 'fixed');
    const c1 = await complain();
    const c2 = await complain();
    await status(c2.id, 'cancelled');
    // A3's second complaint in the period stays open: the first one decides their cohort.
    await jump('2026-01-20T02:00:00Z');
    const a3Again = await complain(a3.digits);
    expect(a3Again.customerId).toBe(a3.customerId);
    // Resolved at first contact, but 30 January + 90 days is after the report runs.
    await jump('2026-01-30T02:00:00Z');
    const f = await complain();
    await status(f.id, 'fixed');

    const d1 = await baselineCustomer('Đối chứng Một', '0987654301');
    const d2 = await baselineCustomer('Đối chứng Hai', '0987654302');
    const d3 = await baselineCustomer('Đối chứng Ba', '0987654303');
    const d4 = await baselineCustomer('Đối chứng Bốn', '0987654304');
    const d1Ref = at('2026-01-10T03:00:00Z');
    const d2Ref = at('2026-01-15T03:00:00Z');

    let n = 0;
    const order = (customerId: string, orderedAt: Date, amountMinor: number, currency = 'VND') => {
      n += 1;
      return { externalId: `o-${n}`, customerId, orderedAt, amountMinor, currency } as NewOrder;
    };
    await insertOrders(ctx.db, t.org.id, [
      order(a1.customerId, plus(a1.ref, -10), 100_000),
      order(a1.customerId, plus(a1.ref, 5), 300_000),
      order(a1.customerId, plus(a1.ref, 89), 200_000),
      order(a1.customerId, plus(a1.ref, 91), 999_000), // after the window
      // A2 never orders: counts as 0.
      order(a3.customerId, plus(a3.ref, 1), 100_000),
      order(a3.customerId, plus(a3.ref, 2), 5_000, 'USD'), // another currency: left out, counted
      order(b1.customerId, plus(b1.ref, 3), 40_000),
      order(b1.customerId, plus(b1.ref, -89), 200_000),
      order(b2.customerId, plus(b2.ref, 10), 60_000),
      order(b2.customerId, plus(b2.ref, 20), 20_000),
      order(c1.customerId, plus(c1.ref, -1), 300_000),
      order(c2.customerId, plus(c2.ref, 90), 30_000), // the window's last instant: in
      order(c2.customerId, plus(c2.ref, -90), 10_000), // the window's first instant: in
      order(c2.customerId, plus(c2.ref, -91), 5_000), // before the window
      order(f.customerId, plus(f.ref, 3), 1_000_000),
      order(d1, d1Ref, 1_000_000), // the baseline's reference order: not spend after
      order(d1, plus(d1Ref, 30), 150_000),
      order(d1, at('2025-12-01T03:00:00Z'), 50_000),
      order(d2, d2Ref, 200_000),
      order(d2, at('2026-01-20T03:00:00Z'), 70_000),
      order(d3, at('2026-01-31T03:00:00Z'), 500_000), // 31 January + 90 days: incomplete
      order(d4, at('2026-02-05T03:00:00Z'), 500_000), // first order after the period
      order(earlier.customerId, at('2026-01-12T03:00:00Z'), 800_000),
    ]);
    let e = 0;
    const sub = (
      customerId: string,
      kind: NewSubscriptionEvent['kind'],
      occurredAt: Date,
    ): NewSubscriptionEvent => {
      e += 1;
      return {
        externalId: `s-${e}`,
        customerId,
        subscriptionRef: `sub-${customerId}`,
        kind,
        occurredAt,
      };
    };
    await insertSubscriptionEvents(ctx.db, t.org.id, [
      sub(a1.customerId, 'start', plus(a1.ref, -30)), // still subscribed
      sub(a2.customerId, 'start', plus(a2.ref, -60)),
      sub(a2.customerId, 'cancel', plus(a2.ref, 30)), // cancelled
      sub(a3.customerId, 'start', plus(a3.ref, -60)),
      sub(a3.customerId, 'cancel', plus(a3.ref, 10)),
      sub(a3.customerId, 'renew', plus(a3.ref, 40)), // back by day 90: still subscribed
      sub(b2.customerId, 'start', plus(b2.ref, 5)), // not subscribed at the reference
      sub(c1.customerId, 'start', plus(c1.ref, -100)),
      sub(c1.customerId, 'cancel', plus(c1.ref, 45)),
    ]);
    await insertReferrals(ctx.db, t.org.id, [
      {
        externalId: 'r-1',
        referrerCustomerId: a1.customerId,
        referredCustomerId: d1,
        referredAt: plus(a1.ref, 20),
      },
      {
        externalId: 'r-2',
        referrerCustomerId: b1.customerId,
        referredCustomerId: d2,
        referredAt: plus(b1.ref, 95), // after the window
      },
    ]);

    await jump('2026-04-20T02:00:00Z');
    const manager = await signIn(ctx, t.users.manager.email);
    const r = await manager.get('/api/reports/cohorts?from=2026-01-01&to=2026-02-01');
    expect(r.statusCode, r.body).toBe(200);
    const report = r.json() as CohortReport;
    expect(report).toMatchObject({
      days: 90,
      currency: 'VND',
      from: '2026-01-01',
      to: '2026-02-01',
    });
    const by = Object.fromEntries(report.cohorts.map((c) => [c.cohort, c]));
    expect(report.cohorts.map((c) => c.cohort)).toEqual([
      'no_complaint',
      'first_contact',
      'more_contacts',
      'unresolved',
    ]);
    expect(by.no_complaint).toEqual({
      cohort: 'no_complaint',
      customers: 2,
      incompleteCustomers: 1,
      spendAfter: { total: 220_000, mean: 110_000, median: 110_000 },
      spendBefore: { total: 50_000, mean: 25_000, median: 25_000 },
      otherCurrencyOrders: 0,
      ratioToBaseline: 1,
      subscribedAtReference: 0,
      stillSubscribedShare: null,
      boughtAgainShare: 1,
      referredShare: 0,
    });
    expect(by.first_contact).toEqual({
      cohort: 'first_contact',
      customers: 3,
      incompleteCustomers: 1,
      spendAfter: { total: 600_000, mean: 200_000, median: 100_000 },
      spendBefore: { total: 100_000, mean: 100_000 / 3, median: 0 },
      otherCurrencyOrders: 1,
      ratioToBaseline: 200_000 / 110_000,
      subscribedAtReference: 3,
      stillSubscribedShare: 2 / 3,
      boughtAgainShare: 2 / 3,
      referredShare: 1 / 3,
    });
    expect(by.more_contacts).toEqual({
      cohort: 'more_contacts',
      customers: 2,
      incompleteCustomers: 0,
      spendAfter: { total: 120_000, mean: 60_000, median: 60_000 },
      spendBefore: { total: 200_000, mean: 100_000, median: 100_000 },
      otherCurrencyOrders: 0,
      ratioToBaseline: 60_000 / 110_000,
      subscribedAtReference: 0,
      stillSubscribedShare: null,
      boughtAgainShare: 1,
      referredShare: 0,
    });
    expect(by.unresolved).toEqual({
      cohort: 'unresolved',
      customers: 2,
      incompleteCustomers: 0,
      spendAfter: { total: 30_000, mean: 15_000, median: 15_000 },
      spendBefore: { total: 310_000, mean: 155_000, median: 155_000 },
      otherCurrencyOrders: 0,
      ratioToBaseline: 15_000 / 110_000,
      subscribedAtReference: 1,
      stillSubscribedShare: 0,
      boughtAgainShare: 0.5,
      referredShare: 0,
    });
    for (const lang of ['vi', 'en', 'zh']) {
      const localised = await manager.request(
        'GET',
        '/api/reports/cohorts?from=2026-01-01&to=2026-02-01',
        undefined,
        {
          'accept-language': lang,
        },
      );
      const definitions = (localised.json() as CohortReport).definitions;
      for (const [key, text] of Object.entries(definitions))
        expect(text, `${lang} ${key}`).not.toMatch(/^cohorts\.definition\./);
      expect(definitions.spendAfter, lang).toContain('90');
    }

    // In dollars: only A3's dollar order is spend; the đồng orders in the windows are counted.
    const usd = (await manager
      .get('/api/reports/cohorts?from=2026-01-01&to=2026-02-01&currency=USD')
      .then((x) => x.json())) as CohortReport;
    const usdFirst = usd.cohorts.find((c) => c.cohort === 'first_contact')!;
    expect(usdFirst.spendAfter).toEqual({ total: 5_000, mean: 5_000 / 3, median: 0 });
    expect(usdFirst.otherCurrencyOrders).toBe(4);
    expect(usd.cohorts.find((c) => c.cohort === 'no_complaint')!.ratioToBaseline).toBeNull();

    // A longer window: every reference in January is still running on 20 April.
    const long = (await manager
      .get('/api/reports/cohorts?from=2026-01-01&to=2026-02-01&days=120')
      .then((x) => x.json())) as CohortReport;
    expect(long.cohorts.map((c) => [c.customers, c.incompleteCustomers])).toEqual([
      [0, 3],
      [0, 4],
      [0, 2],
      [0, 2],
    ]);

    // The agent has no report:read; another org sees none of these customers.
    expect((await agent.get('/api/reports/cohorts?from=2026-01-01&to=2026-02-01')).statusCode).toBe(
      403,
    );
    const other = await createTestOrg(ctx, 'Công ty Khác');
    const otherManager = await signIn(ctx, other.users.manager.email);
    const otherReport = (await otherManager
      .get('/api/reports/cohorts?from=2026-01-01&to=2026-02-01')
      .then((x) => x.json())) as CohortReport;
    expect(otherReport.currency).toBe('VND');
    expect(otherReport.cohorts.map((c) => c.customers + c.incompleteCustomers)).toEqual([
      0, 0, 0, 0,
    ]);

    // A period that ends before it starts is refused, naming the field.
    const backwards = await manager.get('/api/reports/cohorts?from=2026-02-01&to=2026-01-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ error: { field: 'to' } });
  });
});
