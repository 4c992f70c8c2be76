import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

// Monday 2 March 2026, 19:50 in Hồ Chí Minh City (UTC+7): the office closed at 17:00.
const MONDAY_EVENING = new Date('2026-03-02T12:50:00Z');

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: MONDAY_EVENING });
});
afterAll(async () => ctx.close());

async function orgWithManager() {
  const t = await createTestOrg(ctx);
  const admin = await signIn(ctx, t.users.admin.email);
  const care = (
    await admin.post('/api/departments', { name: 'CSKH', headUserId: t.users.manager.id })
  ).json();
  await admin.patch(`/api/users/${t.users.agent.id}`, { departmentId: care.id });
  await admin.patch(`/api/users/${t.users.manager.id}`, { departmentId: care.id });
  const standard = (await admin.get('/api/sla-policies'))
    .json()
    .items.find((p: { priority: number }) => p.priority === 100);
  return { ...t, admin, standard };
}

describe('escalation delays', () => {
  it('are in business time by default: a breach at 20:50 reaches the manager when the office opens', async () => {
    ctx.clock.set(MONDAY_EVENING);
    const { org, users, admin, standard } = await orgWithManager();
    expect(standard.escalation).toEqual([
      { level: 1, amount: 0, unit: 'business_minutes' },
      { level: 2, amount: 4, unit: 'business_hours' },
    ]);
    // A first response within one calendar hour: received at 19:50, due at 20:50.
    const policy = {
      ...standard,
      targets: { ...standard.targets, first_response: { amount: 1, unit: 'calendar_hours' } },
    };
    expect(
      (await admin.request('PUT', `/api/sla-policies/${standard.id}`, policy)).statusCode,
    ).toBe(200);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    await ctx.drainJobs(org.id);
    const noticesOf = async (userId: string) =>
      (
        await ctx.db
          .selectFrom('notices')
          .select(['kind', 'data'])
          .where('org_id', '=', org.id)
          .where('user_id', '=', userId)
          .where('complaint_id', '=', complaint.id)
          .orderBy('created_at')
          .execute()
      ).map((n) => `${n.kind}:${String(n.data.clock)}:${String(n.data.level)}`);

    // 20:51: the owner hears of the breach; the manager does not, at night.
    ctx.clock.set(new Date('2026-03-02T13:51:00Z'));
    await ctx.drainJobs(org.id);
    expect(await noticesOf(users.agent.id)).toContain('sla_breach:first_response:0');
    expect(await noticesOf(users.manager.id)).toEqual([]);
    // Tuesday 07:59, still nothing; 08:00 the office opens and level 1 fires.
    ctx.clock.set(new Date('2026-03-03T00:59:00Z'));
    await ctx.drainJobs(org.id);
    expect(await noticesOf(users.manager.id)).toEqual([]);
    ctx.clock.set(new Date('2026-03-03T01:00:00Z'));
    await ctx.drainJobs(org.id);
    expect(await noticesOf(users.manager.id)).toEqual(['escalation:first_response:1']);
  });

  it('page at once in calendar time when the policy says so', async () => {
    ctx.clock.set(MONDAY_EVENING);
    const { org, users, admin, standard } = await orgWithManager();
    const policy = {
      ...standard,
      targets: { ...standard.targets, first_response: { amount: 1, unit: 'calendar_hours' } },
      escalation: [{ level: 1, amount: 0, unit: 'calendar_minutes' }],
    };
    const saved = await admin.request('PUT', `/api/sla-policies/${standard.id}`, policy);
    expect(saved.json().escalation).toEqual([{ level: 1, amount: 0, unit: 'calendar_minutes' }]);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    // 20:51, a minute past the due: the manager hears of it at once, at night.
    ctx.clock.set(new Date('2026-03-02T13:51:00Z'));
    await ctx.drainJobs(org.id);
    const notices = await ctx.db
      .selectFrom('notices')
      .select(['kind', 'created_at'])
      .where('org_id', '=', org.id)
      .where('user_id', '=', users.manager.id)
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(notices).toEqual([{ kind: 'escalation', created_at: new Date('2026-03-02T13:51:00Z') }]);
  });

  it('name the unit: a delay without one is refused with the field named, in the language asked', async () => {
    const { admin, standard } = await orgWithManager();
    const legacy = await admin.request(
      'PUT',
      `/api/sla-policies/${standard.id}`,
      { ...standard, escalation: [{ level: 1, afterMinutes: 30 }] },
      { 'accept-language': 'en' },
    );
    expect(legacy.statusCode).toBe(400);
    expect(legacy.json().error.field).toBe('escalation.0.amount');
    const badUnit = await admin.request('PUT', `/api/sla-policies/${standard.id}`, {
      ...standard,
      escalation: [{ level: 1, amount: 2, unit: 'calendar_weeks' }],
    });
    expect(badUnit.statusCode).toBe(400);
    expect(badUnit.json().error.field).toBe('escalation.0.unit');
  });
});
