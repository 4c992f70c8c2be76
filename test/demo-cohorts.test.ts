import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CohortReport } from '../src/modules/commerce/index.ts';
import { seedDemoCohorts } from '../src/entrypoints/demo-cohorts.ts';
import { rolePermissions } from '../src/modules/kernel/index.ts';
import { systemActor } from '../src/platform/actor.ts';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

// The demo's orders, subscriptions and referrals give the brief's shape: resolved at first
// contact spends a little more than customers without a complaint, the unresolved far less.
// Here on complaints made for the test (the whole demo takes minutes to make).

const DAY = 86_400_000;
const NOW = new Date('2026-12-01T05:00:00Z');
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: new Date(NOW.getTime() - 150 * DAY) });
});
afterAll(async () => ctx.close());

describe('demo cohorts', () => {
  it('reproduce the brief’s spend table', async () => {
    const t = await createTestOrg(ctx);
    const agent = await signIn(ctx, t.users.agent.email);
    let phone = 1000;
    const complain = async (outcome: 'first_contact' | 'more_contacts' | 'unresolved') => {
      phone += 1;
      const r = await agent.post(
        '/api/complaints',
        sampleComplaint({
          customer: {
            name: `Khách ${phone}`,
            phone: `091234${phone}`,
            email: `d${phone}@example.vn`,
          },
        }),
      );
      expect(r.statusCode, r.body).toBe(201);
      const id = (r.json() as { complaint: { id: string } }).complaint.id;
      const steps = {
        first_contact: ['fixed'],
        more_contacts: ['fixed', 'in_progress', 'fixed'],
        unresolved: [],
      }[outcome];
      for (const status of steps) {
        ctx.clock.advance(60_000);
        const s = await agent.post(`/api/complaints/${id}/status`, { status });
        expect(s.statusCode, s.body).toBe(200);
      }
      ctx.clock.advance(10 * 60_000);
    };
    for (let i = 0; i < 20; i++) await complain('first_contact');
    for (let i = 0; i < 10; i++) await complain('more_contacts');
    for (let i = 0; i < 10; i++) await complain('unresolved');

    ctx.clock.set(NOW);
    const admin = {
      orgId: t.org.id,
      actor: systemActor,
      permissions: new Set(rolePermissions.admin),
    };
    const seeded = await seedDemoCohorts({
      services: ctx.services,
      db: ctx.db,
      clock: ctx.clock,
      orgId: t.org.id,
      now: NOW,
      admin: t.users.admin,
      agent: t.users.agent,
    });
    expect(seeded.orders).toBeGreaterThan(0);
    const report: CohortReport = await ctx.services.cohortReport(
      admin,
      {
        from: isoDay(new Date(NOW.getTime() - 183 * DAY)),
        to: isoDay(new Date(NOW.getTime() - 90 * DAY)),
        days: 90,
      },
      'en',
    );
    const by = Object.fromEntries(report.cohorts.map((c) => [c.cohort, c]));
    expect(report.currency).toBe('VND');
    expect(report.cohorts.map((c) => [c.cohort, c.customers])).toEqual([
      ['no_complaint', 60],
      ['first_contact', 20],
      ['more_contacts', 10],
      ['unresolved', 10],
    ]);
    expect(by.first_contact!.ratioToBaseline).toBeGreaterThan(1);
    expect(by.first_contact!.ratioToBaseline).toBeLessThan(1.2);
    expect(by.more_contacts!.ratioToBaseline).toBeLessThan(1);
    expect(by.unresolved!.ratioToBaseline).toBeLessThan(0.4);
    // Before the complaint every cohort bought alike: the difference is what came after.
    for (const c of report.cohorts)
      expect(c.spendBefore.mean! / by.no_complaint!.spendBefore.mean!).toBeCloseTo(1, 1);
    expect(by.unresolved!.stillSubscribedShare!).toBeLessThan(
      by.first_contact!.stillSubscribedShare!,
    );

    // The win-back queue as it stood three weeks ago, worked since: a quarter won back.
    expect(seeded.winBackEntries).toBeGreaterThan(4);
    const winBack = await ctx.services.winBack.report(
      admin,
      {
        from: isoDay(new Date(NOW.getTime() - 30 * DAY)),
        to: isoDay(new Date(NOW.getTime() + DAY)),
      },
      'vi',
    );
    expect(winBack.byOutcome.won_back).toBe(Math.ceil(seeded.winBackEntries / 4));
    // Their order after the call, and whatever else they bought in those 90 days.
    expect(winBack.revenueWonBackMinor).toBeGreaterThanOrEqual(
      winBack.byOutcome.won_back * 300_000,
    );
  });
});
