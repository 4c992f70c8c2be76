import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  afterUnreachable,
  followUpCompliance,
} from '../src/modules/complaints/domain/follow-ups.ts';
import {
  defaultEscalationRules,
  earlyEscalationReasons,
  mentions,
} from '../src/modules/complaints/domain/early-escalation.ts';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

// Monday 2 March 2026, 09:00 in Hồ Chí Minh City (UTC+7), office hours.
const MONDAY = new Date('2026-03-02T02:00:00Z');

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: MONDAY });
});
afterAll(async () => ctx.close());

/** An org whose agent sits in a department headed by the manager. */
async function orgWithChart() {
  const t = await createTestOrg(ctx);
  const admin = await signIn(ctx, t.users.admin.email);
  const care = (
    await admin.post('/api/departments', { name: 'CSKH', headUserId: t.users.manager.id })
  ).json();
  await admin.patch(`/api/users/${t.users.agent.id}`, { departmentId: care.id });
  const agent = await signIn(ctx, t.users.agent.email);
  const manager = await signIn(ctx, t.users.manager.email);
  return { ...t, admin, agent, manager };
}

/** A case taken in by the agent, committed for Wednesday 17:00 and fixed now. */
async function fixedCase(
  o: Awaited<ReturnType<typeof orgWithChart>>,
  dueAt = '2026-03-04T10:00:00Z',
) {
  const { complaint } = (await o.agent.post('/api/complaints', sampleComplaint())).json();
  expect(
    (await o.agent.post(`/api/complaints/${complaint.id}/commitments`, { dueAt })).statusCode,
  ).toBe(201);
  const fixed = await o.agent.post(`/api/complaints/${complaint.id}/status`, { status: 'fixed' });
  expect(fixed.statusCode).toBe(200);
  return complaint.id as string;
}

const tasksOf = async (client: { get(url: string): Promise<{ json(): any }> }, id: string) =>
  (await client.get(`/api/complaints/${id}/follow-ups`)).json().items as {
    id: string;
    kind: string;
    status: string;
    assigneeId: string;
    dueAt: string | null;
    outcome: string | null;
    attempts: number;
    nextAttemptAt: string | null;
  }[];

describe('step 6: follow-ups made by a fix', () => {
  it('a fix gives the intake agent’s manager an update task and the owner a call-back after the promised date', async () => {
    ctx.clock.set(MONDAY);
    const o = await orgWithChart();
    const id = await fixedCase(o);
    const tasks = await tasksOf(o.agent, id);
    const update = tasks.find((t) => t.kind === 'manager_update')!;
    const call = tasks.find((t) => t.kind === 'verification')!;
    expect(update).toMatchObject({ status: 'due', assigneeId: o.users.manager.id });
    // One business day after the fix (Monday 09:00): Tuesday 09:00.
    expect(update.dueAt).toBe('2026-03-03T02:00:00.000Z');
    expect(call).toMatchObject({ status: 'due', assigneeId: o.users.agent.id });
    // One business day after the promised Wednesday 17:00: Thursday 17:00.
    expect(call.dueAt).toBe('2026-03-05T10:00:00.000Z');
    // The task is in the manager's queue, and not in the agent's.
    const mine = (await o.manager.get('/api/follow-ups')).json().items;
    expect(mine.map((t: { id: string }) => t.id)).toEqual([update.id]);
    const agents = (await o.agent.get('/api/follow-ups')).json().items;
    expect(agents.map((t: { id: string }) => t.id)).toEqual([call.id]);
  });

  it('the fallback applies when the org chart names no manager', async () => {
    ctx.clock.set(MONDAY);
    const t = await createTestOrg(ctx);
    const admin = await signIn(ctx, t.users.admin.email);
    const settings = (await admin.get('/api/follow-up-settings')).json();
    expect(
      (
        await admin.request('PUT', '/api/follow-up-settings', {
          ...settings,
          fallbackUserId: t.users.quality.id,
        })
      ).statusCode,
    ).toBe(200);
    const agent = await signIn(ctx, t.users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    await agent.post(`/api/complaints/${complaint.id}/status`, { status: 'fixed' });
    const update = (await tasksOf(agent, complaint.id)).find((x) => x.kind === 'manager_update');
    expect(update?.assigneeId).toBe(t.users.quality.id);
    // Another org's user is not a fallback.
    const other = await createTestOrg(ctx);
    const refused = await admin.request('PUT', '/api/follow-up-settings', {
      ...settings,
      fallbackUserId: other.users.manager.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.field).toBe('fallbackUserId');
  });

  it('the manager’s update stops its clock and shows on the timeline; only the assignee or a manager records it', async () => {
    ctx.clock.set(MONDAY);
    const o = await orgWithChart();
    const id = await fixedCase(o);
    const update = (await tasksOf(o.agent, id)).find((t) => t.kind === 'manager_update')!;
    const clockOf = async () =>
      (await o.agent.get(`/api/complaints/${id}/clocks`))
        .json()
        .clocks.find((c: { clock: string }) => c.clock === 'manager_update');
    expect((await clockOf()).state).toBe('running');
    // The responder is no manager and not the assignee; an empty note names the field.
    const responder = await signIn(ctx, o.users.responder.email);
    expect(
      (
        await responder.post(`/api/follow-ups/${update.id}/manager-update`, {
          method: 'call',
          note: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const empty = await o.manager.post(`/api/follow-ups/${update.id}/manager-update`, {
      method: 'call',
      note: ' ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('note');
    ctx.clock.set(new Date('2026-03-02T05:00:00Z'));
    const done = await o.manager.post(`/api/follow-ups/${update.id}/manager-update`, {
      method: 'call',
      note: 'Đã gọi chị Lan, xin lỗi và xác nhận đơn giao lại.',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', outcome: 'reached', method: 'call' });
    expect(await clockOf()).toMatchObject({ state: 'met', stoppedAt: '2026-03-02T05:00:00.000Z' });
    const again = await o.manager.post(`/api/follow-ups/${update.id}/manager-update`, {
      method: 'call',
      note: 'again',
    });
    expect(again.statusCode).toBe(409);
    const timeline = (await o.agent.get(`/api/complaints/${id}/timeline`)).json().events;
    expect(timeline.some((e: { type: string }) => e.type === 'manager_update.recorded')).toBe(true);
    // Another org's task answers 404.
    const other = await createTestOrg(ctx);
    const stranger = await signIn(ctx, other.users.manager.email);
    expect(
      (
        await stranger.post(`/api/follow-ups/${update.id}/manager-update`, {
          method: 'call',
          note: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect((await stranger.get(`/api/complaints/${id}/follow-ups`)).statusCode).toBe(404);
  });

  it('sent as a message, the update reaches the customer and the portal', async () => {
    ctx.clock.set(MONDAY);
    const o = await orgWithChart();
    const id = await fixedCase(o);
    const update = (await tasksOf(o.agent, id)).find((t) => t.kind === 'manager_update')!;
    const sent = await o.manager.post(`/api/follow-ups/${update.id}/manager-update`, {
      method: 'message',
      body: 'Chào chị, tôi là quản lý CSKH. Đơn hàng đã được giao lại, chị kiểm tra giúp em nhé.',
    });
    expect(sent.statusCode).toBe(200);
    const timeline = (await o.agent.get(`/api/complaints/${id}/timeline`)).json().events;
    const message = timeline.find(
      (e: { type: string; visibility: string }) => e.type === 'message.sent',
    );
    expect(message.visibility).toBe('public');
    expect(message.data.body).toContain('quản lý CSKH');
  });
});

describe('step 6: the call-back', () => {
  it('“not fixed” reopens the case with the reason; the ledger counts a reopen; a new commitment moves the fix clock', async () => {
    ctx.clock.set(MONDAY);
    const o = await orgWithChart();
    const id = await fixedCase(o);
    const call = (await tasksOf(o.agent, id)).find((t) => t.kind === 'verification')!;
    ctx.clock.set(new Date('2026-03-05T03:00:00Z'));
    const noReason = await o.agent.post(`/api/follow-ups/${call.id}/verification`, {
      outcome: 'not_fixed',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('note');
    const r = await o.agent.post(`/api/follow-ups/${call.id}/verification`, {
      outcome: 'not_fixed',
      note: 'Hàng giao lại vẫn bị móp.',
    });
    expect(r.statusCode).toBe(200);
    const detail = (await o.agent.get(`/api/complaints/${id}`)).json();
    expect(detail.complaint.status).toBe('in_progress');
    const timeline = (await o.agent.get(`/api/complaints/${id}/timeline`)).json().events;
    const reopen = timeline.find(
      (e: { type: string; data: { from?: string } }) =>
        e.type === 'complaint.status_changed' && e.data.from === 'fixed',
    );
    expect(reopen.data).toMatchObject({ to: 'in_progress', note: 'Hàng giao lại vẫn bị móp.' });
    // The manager's update of the undone fix is cancelled, not counted missing.
    const tasks = await tasksOf(o.agent, id);
    expect(tasks.find((t) => t.kind === 'manager_update')?.status).toBe('cancelled');
    const ledger = (await o.agent.get(`/api/complaints/${id}/commitments`)).json();
    expect(ledger.promises[0].outcome).toBe('reopened');
    // A new commitment, the fix again: new tasks for the new fix.
    expect(
      (
        await o.agent.post(`/api/complaints/${id}/commitments`, {
          dueAt: '2026-03-06T10:00:00Z',
          reason: 'Giao lại lần hai',
        })
      ).statusCode,
    ).toBe(201);
    const fix = (await o.agent.get(`/api/complaints/${id}/clocks`))
      .json()
      .clocks.find((c: { clock: string }) => c.clock === 'fix');
    expect(fix).toMatchObject({ state: 'running', dueAt: '2026-03-06T10:00:00.000Z' });
    await o.agent.post(`/api/complaints/${id}/status`, { status: 'fixed' });
    const open = (await tasksOf(o.agent, id)).filter((t) => t.status === 'due');
    expect(open.map((t) => t.kind).sort()).toEqual(['manager_update', 'verification']);
  });

  it('“could not reach” keeps the call-back due on the retry schedule until the last try', async () => {
    ctx.clock.set(MONDAY);
    const o = await orgWithChart();
    const id = await fixedCase(o);
    const call = (await tasksOf(o.agent, id)).find((t) => t.kind === 'verification')!;
    // Thursday 10:00: no answer. Four business hours later: Thursday 15:00.
    ctx.clock.set(new Date('2026-03-05T03:00:00Z'));
    const first = (
      await o.agent.post(`/api/follow-ups/${call.id}/verification`, { outcome: 'unreachable' })
    ).json();
    expect(first).toMatchObject({
      status: 'due',
      attempts: 1,
      nextAttemptAt: '2026-03-05T08:00:00.000Z',
    });
    const second = (
      await o.agent.post(`/api/follow-ups/${call.id}/verification`, { outcome: 'unreachable' })
    ).json();
    expect(second).toMatchObject({ status: 'due', attempts: 2 });
    const third = (
      await o.agent.post(`/api/follow-ups/${call.id}/verification`, { outcome: 'unreachable' })
    ).json();
    expect(third).toMatchObject({ status: 'done', attempts: 3, outcome: 'unreachable' });
    const detail = (await o.agent.get(`/api/complaints/${id}`)).json();
    expect(detail.complaint.status).toBe('fixed');
    const rail = detail.steps.find((s: { step: string }) => s.step === 'update');
    expect(rail.state).toBe('due');
  });

  it('the customer answers in the portal: “no” reopens the case, once per fix', async () => {
    ctx.clock.set(MONDAY);
    const o = await orgWithChart();
    const { complaint } = (await o.agent.post('/api/complaints', sampleComplaint())).json();
    const token = String(complaint.trackingUrl).split('/track/')[1];
    const before = (await ctx.app.inject({ method: 'GET', url: `/api/portal/${token}` })).json();
    expect(before.askFixWorked).toBe(false);
    const early = await ctx.app.inject({
      method: 'POST',
      url: `/api/portal/${token}/fix-answer`,
      payload: { works: true },
    });
    expect(early.statusCode).toBe(409);
    await o.agent.post(`/api/complaints/${complaint.id}/status`, { status: 'fixed' });
    const asked = (await ctx.app.inject({ method: 'GET', url: `/api/portal/${token}` })).json();
    expect(asked.askFixWorked).toBe(true);
    const noComment = await ctx.app.inject({
      method: 'POST',
      url: `/api/portal/${token}/fix-answer`,
      payload: { works: false },
    });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error.field).toBe('comment');
    const answered = await ctx.app.inject({
      method: 'POST',
      url: `/api/portal/${token}/fix-answer`,
      payload: { works: false, comment: 'Vẫn chưa nhận được hàng.' },
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'in_progress', askFixWorked: false });
    const call = (await tasksOf(o.agent, complaint.id)).find((t) => t.kind === 'verification')!;
    expect(call).toMatchObject({ status: 'done', outcome: 'not_fixed' });
    // Fixed again the next day, the customer says it works; a second answer is refused.
    ctx.clock.set(new Date('2026-03-03T02:00:00Z'));
    await o.agent.post(`/api/complaints/${complaint.id}/status`, { status: 'fixed' });
    const works = await ctx.app.inject({
      method: 'POST',
      url: `/api/portal/${token}/fix-answer`,
      payload: { works: true },
    });
    expect(works.json()).toMatchObject({ status: 'fixed', askFixWorked: false });
    const twice = await ctx.app.inject({
      method: 'POST',
      url: `/api/portal/${token}/fix-answer`,
      payload: { works: true },
    });
    expect(twice.statusCode).toBe(409);
    const detail = (await o.agent.get(`/api/complaints/${complaint.id}`)).json();
    expect(detail.steps.find((s: { step: string }) => s.step === 'update').state).toBe('due');
  });
});

describe('step 6: clocks switched on later', () => {
  it('start only for cases fixed after the target was switched on', async () => {
    ctx.clock.set(MONDAY);
    const o = await orgWithChart();
    const policies = (await o.admin.get('/api/sla-policies')).json().items;
    const standard = policies.find((p: { priority: number }) => p.priority === 100);
    // Off first: a case fixed now has no manager_update or verification clock.
    const { manager_update: _m, verification: _v, ...rest } = standard.targets;
    const off = await o.admin.request('PUT', `/api/sla-policies/${standard.id}`, {
      ...standard,
      targets: rest,
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().targetsSince.manager_update).toBeUndefined();
    const before = await fixedCase(o);
    // Two weeks later the targets are switched on.
    ctx.clock.set(new Date('2026-03-16T02:00:00Z'));
    o.admin = await signIn(ctx, o.users.admin.email);
    o.agent = await signIn(ctx, o.users.agent.email);
    const on = await o.admin.request('PUT', `/api/sla-policies/${standard.id}`, standard);
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json().targetsSince.manager_update).toBe('2026-03-16T02:00:00.000Z');
    await ctx.drainJobs(o.org.id);
    const clocksOf = async (id: string) =>
      (await o.agent.get(`/api/complaints/${id}/clocks`))
        .json()
        .clocks.map((c: { clock: string }) => c.clock);
    expect(await clocksOf(before)).not.toContain('manager_update');
    expect(await clocksOf(before)).not.toContain('verification');
    const notices = await ctx.db
      .selectFrom('notices')
      .select('kind')
      .where('org_id', '=', o.org.id)
      .where('complaint_id', '=', before)
      .where('kind', 'in', ['sla_breach', 'escalation'])
      .execute();
    expect(notices).toEqual([]);
    // A case fixed after: both clocks run.
    const after = await fixedCase(o, '2026-03-18T10:00:00Z');
    expect(await clocksOf(after)).toEqual(
      expect.arrayContaining(['manager_update', 'verification']),
    );
    // Changing a target's amount keeps when it was switched on.
    const longer = await o.admin.request('PUT', `/api/sla-policies/${standard.id}`, {
      ...standard,
      targets: { ...standard.targets, manager_update: { amount: 2, unit: 'business_days' } },
    });
    expect(longer.json().targetsSince.manager_update).toBe('2026-03-16T02:00:00.000Z');
  });
});

describe('step 6 report', () => {
  it('counts fixes by whole days in the org’s zone, with the definitions', async () => {
    // 01:00 on Monday 2 March in Hồ Chí Minh City is still Sunday 1 March in UTC.
    ctx.clock.set(new Date('2026-03-01T18:00:00Z'));
    const o = await orgWithChart();
    const id = await fixedCase(o);
    const update = (await tasksOf(o.agent, id)).find((t) => t.kind === 'manager_update')!;
    ctx.clock.set(new Date('2026-03-02T02:00:00Z'));
    await o.manager.post(`/api/follow-ups/${update.id}/manager-update`, {
      method: 'visit',
      note: 'Gặp khách tại cửa hàng.',
    });
    const report = async (from: string, to: string) =>
      (await o.manager.get(`/api/reports/follow-ups?from=${from}&to=${to}`)).json();
    const monday = await report('2026-03-02', '2026-03-02');
    expect(monday.managerUpdate).toMatchObject({ fixes: 1, onTime: { count: 1, share: 1 } });
    expect(monday.verification).toMatchObject({ fixes: 1, open: 1, works: { share: null } });
    expect(monday.definitions.map((d: { term: string }) => d.term)).toContain('Tỷ lệ xác minh');
    expect((await report('2026-03-01', '2026-03-01')).managerUpdate.fixes).toBe(0);
    const backwards = await o.manager.get('/api/reports/follow-ups?from=2026-03-05&to=2026-03-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.field).toBe('to');
    // Agents hold no report:read.
    expect(
      (await o.agent.get('/api/reports/follow-ups?from=2026-03-02&to=2026-03-02')).statusCode,
    ).toBe(403);
  });
});

describe('step 6 domain', () => {
  it.each([
    [0, { retryHours: [4, 24], maxAttempts: 3 }, { final: false, attempt: 1, retryInHours: 4 }],
    [1, { retryHours: [4, 24], maxAttempts: 3 }, { final: false, attempt: 2, retryInHours: 24 }],
    [2, { retryHours: [4, 24], maxAttempts: 3 }, { final: true, attempt: 3 }],
    [0, { retryHours: [4], maxAttempts: 1 }, { final: true, attempt: 1 }],
    [3, { retryHours: [2], maxAttempts: 5 }, { final: false, attempt: 4, retryInHours: 2 }],
  ])('after %i failed tries with %j: %j', (before, policy, expected) => {
    expect(afterUnreachable(before, policy)).toEqual(expected);
  });

  it('compliance counts on time, late, missing and open by the strict reading', () => {
    const fixedAt = new Date('2026-03-02T02:00:00Z');
    const dueAt = new Date('2026-03-03T02:00:00Z');
    const now = new Date('2026-03-10T00:00:00Z');
    const task = (over: object) => ({
      kind: 'manager_update' as const,
      status: 'done' as const,
      outcome: 'reached',
      fixedAt,
      dueAt,
      doneAt: new Date('2026-03-02T05:00:00Z'),
      ...over,
    });
    const report = followUpCompliance(
      [
        task({}),
        task({ doneAt: new Date('2026-03-04T00:00:00Z') }),
        task({ status: 'due', doneAt: null, outcome: null }),
        task({ status: 'skipped', doneAt: now, outcome: null }),
        task({ status: 'cancelled', doneAt: null, outcome: null }),
        task({
          status: 'due',
          doneAt: null,
          outcome: null,
          dueAt: new Date('2026-03-11T00:00:00Z'),
        }),
        task({ kind: 'verification', outcome: 'works' }),
        task({ kind: 'verification', outcome: 'not_fixed' }),
        task({ kind: 'verification', outcome: 'unreachable' }),
        task({ kind: 'verification', status: 'due', outcome: null, doneAt: null }),
      ],
      now,
    );
    expect(report.managerUpdate).toEqual({
      fixes: 5,
      onTime: { count: 1, share: 0.25 },
      late: { count: 1, share: 0.25 },
      missing: { count: 2, share: 0.5 },
      open: 1,
    });
    expect(report.verification).toMatchObject({
      fixes: 4,
      works: { count: 1, share: 1 / 3 },
      reopened: { count: 1, share: 1 / 3 },
      unreachable: { count: 1, share: 1 / 3 },
      open: 1,
    });
  });
});

describe('step 6 takes hostile text', () => {
  const blns: string[] = JSON.parse(
    fs.readFileSync(
      path.resolve(import.meta.dirname, 'fixtures/naughty-strings/blns.json'),
      'utf8',
    ),
  );
  it('stores each note exactly, or refuses it with a 400 naming the field (every 10th string)', async () => {
    ctx.clock.set(MONDAY);
    const o = await orgWithChart();
    let stored = 0;
    for (let i = 0; i < blns.length; i += 10) {
      const s = blns[i]!;
      const id = await fixedCase(o);
      const tasks = await tasksOf(o.agent, id);
      const update = tasks.find((t) => t.kind === 'manager_update')!;
      const call = tasks.find((t) => t.kind === 'verification')!;
      const first =
        i % 20 === 0
          ? await o.manager.post(`/api/follow-ups/${update.id}/manager-update`, {
              method: 'call',
              note: s,
            })
          : await o.manager.post(`/api/follow-ups/${update.id}/skip`, { reason: s });
      const second = await o.agent.post(`/api/follow-ups/${call.id}/verification`, {
        outcome: 'declined',
        note: s,
      });
      for (const [r, field, key] of [
        [first, i % 20 === 0 ? 'note' : 'reason', 'note'],
        [second, 'note', 'note'],
      ] as const) {
        expect([200, 400], `${JSON.stringify(s)}: ${r.body}`).toContain(r.statusCode);
        if (r.statusCode === 200) {
          expect(r.json()[key]).toBe(s);
          stored += 1;
        } else expect(r.json().error.field).toBe(field);
      }
    }
    expect(stored).toBeGreaterThan(50);
  }, 300_000);
});

describe('escalate before the customer asks', () => {
  const noticesFor = (orgId: string, userId: string) =>
    ctx.db
      .selectFrom('notices')
      .select(['kind', 'complaint_id', 'data'])
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('kind', '=', 'early_escalation')
      .execute();

  it('the customer writing again and asking for a manager brings the case to the manager, once', async () => {
    ctx.clock.set(MONDAY);
    const o = await orgWithChart();
    const { complaint } = (
      await o.agent.post('/api/complaints', { ...sampleComplaint(), severity: 'medium' })
    ).json();
    await ctx.drainJobs(o.org.id);
    expect(await noticesFor(o.org.id, o.users.manager.id)).toEqual([]);
    const token = String(complaint.trackingUrl).split('/track/')[1];
    const reply = await ctx.app.inject({
      method: 'POST',
      url: `/api/portal/${token}/messages`,
      payload: { body: 'Sao chưa ai gọi lại? Tôi muốn nói chuyện với QUAN LY.' },
    });
    expect(reply.statusCode, reply.body).toBe(200);
    const notices = await noticesFor(o.org.id, o.users.manager.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.data).toMatchObject({ reasons: ['second_contact', 'asked_for_manager'] });
    const events = (await o.agent.get(`/api/complaints/${complaint.id}/timeline`))
      .json()
      .events.filter((e: { type: string }) => e.type === 'complaint.escalated');
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ to: o.users.manager.id });
    // A third message does not escalate again.
    await ctx.app.inject({
      method: 'POST',
      url: `/api/portal/${token}/messages`,
      payload: { body: 'Manager đâu?' },
    });
    expect(await noticesFor(o.org.id, o.users.manager.id)).toHaveLength(1);
  });

  it('a case already fixed is not escalated, whatever the customer writes', async () => {
    ctx.clock.set(MONDAY);
    const o = await orgWithChart();
    const { complaint } = (await o.agent.post('/api/complaints', sampleComplaint())).json();
    await o.agent.post(`/api/complaints/${complaint.id}/status`, { status: 'fixed' });
    const token = String(complaint.trackingUrl).split('/track/')[1];
    const reply = await ctx.app.inject({
      method: 'POST',
      url: `/api/portal/${token}/messages`,
      payload: { body: 'Cảm ơn, cho tôi gửi lời cảm ơn tới quản lý.' },
    });
    expect(reply.statusCode).toBe(200);
    expect(await noticesFor(o.org.id, o.users.manager.id)).toEqual([]);
  });

  it('a critical case goes to the manager at intake; switched off, nothing does', async () => {
    ctx.clock.set(MONDAY);
    const o = await orgWithChart();
    const { complaint } = (
      await o.agent.post('/api/complaints', { ...sampleComplaint(), severity: 'critical' })
    ).json();
    await ctx.drainJobs(o.org.id);
    const notices = await noticesFor(o.org.id, o.users.manager.id);
    expect(notices.map((n) => n.complaint_id)).toEqual([complaint.id]);
    expect(notices[0]!.data).toMatchObject({ reasons: ['severity'] });
    const settings = (await o.admin.get('/api/follow-up-settings')).json();
    const off = await o.admin.request('PUT', '/api/follow-up-settings', {
      ...settings,
      escalation: { ...settings.escalation, enabled: false },
    });
    expect(off.statusCode).toBe(200);
    await o.agent.post('/api/complaints', { ...sampleComplaint(), severity: 'critical' });
    await ctx.drainJobs(o.org.id);
    expect(await noticesFor(o.org.id, o.users.manager.id)).toHaveLength(1);
  });

  it.each([
    ['Tôi muốn gặp quản lý', 'quản lý', true],
    ['toi muon gap QUAN LY ngay', 'quản lý', true],
    ['cho tôi gặp Giám Đốc', 'giám đốc', true],
    ['please get your manager', 'manager', true],
    ['the management is poor', 'manager', false],
    ['我要找你们经理', '经理', true],
    ['quản lýý', 'quản lý', false],
  ])('%j mentions %j: %s', (text, keyword, expected) => {
    expect(mentions(text, keyword)).toBe(expected);
  });

  it('rules give their reasons in order, and nothing when switched off', () => {
    const facts = { severity: 'high' as const, tier: 'VIP', texts: ['ok'], customerContacts: 1 };
    expect(
      earlyEscalationReasons({ ...defaultEscalationRules, minSeverity: 'high' }, facts),
    ).toEqual(['second_contact', 'severity', 'tier']);
    expect(earlyEscalationReasons({ ...defaultEscalationRules, enabled: false }, facts)).toEqual(
      [],
    );
    expect(
      earlyEscalationReasons(defaultEscalationRules, { ...facts, customerContacts: 0, tier: null }),
    ).toEqual([]);
  });
});
