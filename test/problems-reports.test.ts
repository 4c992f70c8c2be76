import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signIn, type TestContext } from './helpers.ts';
import { complaintOf, newProblem, problemOrg, put, type ProblemOrg } from './problems-helpers.ts';

// Step 8's figures on a fixture with known answers: effectiveness before and after the first
// corrective action, top root causes with their compensation, open actions by due, the
// recurrence rate and the time to the first corrective action.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: new Date('2026-02-17T03:00:00Z') });
});
afterAll(async () => ctx.close());

/** Sessions last 14 days: the fixture spans a month, so it signs in again as time moves. */
async function signInAgain(o: ProblemOrg) {
  o.quality = await signIn(ctx, o.users.quality.email);
  o.agent = await signIn(ctx, o.users.agent.email);
  o.admin = await signIn(ctx, o.users.admin.email);
}

const at = async (o: ProblemOrg, instant: string, reasonId: string) => {
  ctx.clock.set(new Date(instant));
  return complaintOf(o, { reasonId });
};

async function grant(o: ProblemOrg, complaintId: string, amountMinor: number) {
  const customer = await ctx.db
    .selectFrom('complaints')
    .select('customer_id')
    .where('id', '=', complaintId)
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('reward_grants')
    .values({
      org_id: o.org.id,
      kind: 'compensation',
      grant_type: 'refund',
      complaint_id: complaintId,
      customer_id: customer.customer_id,
      amount_minor: amountMinor,
      currency: 'VND',
      granted_by: o.users.agent.id,
      granted_at: ctx.clock.now(),
    })
    .execute();
}

describe('step 8 figures', () => {
  it('counts what the fixture says', async () => {
    ctx.clock.set(new Date('2026-02-17T03:00:00Z'));
    const o = await problemOrg(ctx);
    const late = o.reasonId;
    const other = o.reasons[1]!.id as string;

    // Complaints of the late-delivery reason: 2 in the week of 16 Feb, 3 in the week of 23 Feb,
    // then 1 in each of the weeks of 2 and 9 March.
    const a1 = await at(o, '2026-02-17T03:00:00Z', late);
    await at(o, '2026-02-18T03:00:00Z', late);
    const a2 = await at(o, '2026-02-24T03:00:00Z', late);
    const a3 = await at(o, '2026-02-25T03:00:00Z', late);
    await at(o, '2026-02-26T03:00:00Z', late);
    await signInAgain(o);
    const b1 = await at(o, '2026-03-02T03:00:00Z', other);

    // Two problems made on 2 March: A (supplier) with three complaints, B (process) with one.
    const a = (await newProblem(o.quality, { reasonId: late, windowLength: 5 })).problem;
    const b = (await newProblem(o.quality, { reasonId: other, windowLength: 5 })).problem;
    const c = (await newProblem(o.quality, { title: { en: 'Open actions' } })).problem;
    await o.agent.post(`/api/problems/${a.id}/complaints`, { complaintIds: [a1, a2, a3] });
    await o.agent.post(`/api/problems/${b.id}/complaints`, { complaintIds: [b1] });
    for (const [p, category] of [
      [a, 'supplier'],
      [b, 'process'],
    ] as const) {
      await put(o.quality, `/api/problems/${p.id}/root-cause`, { category, analysis: 'x' });
      for (const to of ['analysing', 'action'])
        await o.quality.post(`/api/problems/${p.id}/transition`, { to });
    }
    await grant(o, a2, 50_000);
    await grant(o, b1, 20_000);

    // Both first corrective actions are done on Wednesday 4 March, 10:00, and monitored.
    ctx.clock.set(new Date('2026-03-04T03:00:00Z'));
    await signInAgain(o);
    for (const p of [a, b]) {
      const action = await o.quality.post(`/api/problems/${p.id}/actions`, {
        kind: 'corrective',
        description: 'Khắc phục',
        ownerId: o.users.quality.id,
        dueInBusinessDays: 1,
      });
      await o.quality.patch(`/api/problems/${p.id}/actions/${action.json().id}`, {
        status: 'done',
      });
      expect(
        (await o.quality.post(`/api/problems/${p.id}/transition`, { to: 'monitoring' })).statusCode,
      ).toBe(200);
    }
    await at(o, '2026-03-05T03:00:00Z', late);
    const recurrence = await at(o, '2026-03-06T03:00:00Z', other);
    await o.agent.post(`/api/problems/${b.id}/complaints`, { complaintIds: [recurrence] });
    await at(o, '2026-03-12T03:00:00Z', late);
    // Both windows end on Wednesday 11 March: A clean, B recurred.
    ctx.clock.set(new Date('2026-03-12T04:00:00Z'));
    await ctx.drainJobs(o.org.id);

    // Open actions on problem C, seen on Wednesday 18 March: one overdue, one due this week, one later.
    ctx.clock.set(new Date('2026-03-18T03:00:00Z'));
    await signInAgain(o);
    for (const dueAt of ['2026-03-17T03:00:00Z', '2026-03-20T03:00:00Z', '2026-03-25T03:00:00Z'])
      await o.quality.post(`/api/problems/${c.id}/actions`, {
        kind: 'preventive',
        description: 'Phòng ngừa',
        ownerId: o.users.quality.id,
        dueAt,
      });

    const effect = (await o.quality.get(`/api/problems/${a.id}/effectiveness?weeks=2`)).json();
    expect(effect).toMatchObject({
      basis: 'reason',
      pivotAt: '2026-03-04T03:00:00.000Z',
      weeks: [
        { weekStart: '2026-02-16', offset: -2, count: 2 },
        { weekStart: '2026-02-23', offset: -1, count: 3 },
        { weekStart: '2026-03-02', offset: 0, count: 1 },
        { weekStart: '2026-03-09', offset: 1, count: 1 },
      ],
      beforeAverage: 2.5,
      afterAverage: 1,
    });
    expect(effect.definition).toMatch(/thứ Hai/);

    const report = await o.quality.request(
      'GET',
      '/api/reports/problems?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z',
      undefined,
      { 'accept-language': 'en' },
    );
    expect(report.statusCode, report.body).toBe(200);
    const r = report.json();
    expect(r.rootCauses.rows).toEqual([
      {
        category: 'supplier',
        problems: 1,
        linkedComplaints: 3,
        compensation: [{ currency: 'VND', amountMinor: 50_000 }],
      },
      {
        category: 'process',
        problems: 1,
        linkedComplaints: 2,
        compensation: [{ currency: 'VND', amountMinor: 20_000 }],
      },
    ]);
    expect(r.openActions.rows).toEqual([
      {
        ownerId: o.users.quality.id,
        ownerName: o.users.quality.name,
        overdue: 1,
        dueThisWeek: 1,
        later: 1,
      },
    ]);
    expect(r.recurrenceRate).toMatchObject({ windowsEnded: 2, recurred: 1, rate: 0.5 });
    // A: 15 days from the first complaint (360 h); B: 2 days (48 h). Nearest rank.
    expect(r.timeToAction).toMatchObject({ problems: 2, medianHours: 48, p90Hours: 360 });
    for (const figure of [r.rootCauses, r.openActions, r.recurrenceRate, r.timeToAction])
      expect(figure.definition.length).toBeGreaterThan(40);
    expect(r.recurrenceRate.definition).toMatch(/override/);

    expect((await o.agent.get('/api/reports/problems')).statusCode).toBe(403);
    const home = (await o.quality.get('/api/problems/home')).json();
    // A waits, ready to close, with its window over; B went back to action.
    expect(home.monitoring).toEqual([
      expect.objectContaining({ id: a.id, daysLeft: 0, recurrences: 0, threshold: 0 }),
    ]);
    expect(home.allActions).toHaveLength(3);
  });
});
