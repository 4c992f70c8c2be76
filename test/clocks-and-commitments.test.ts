import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';
import { createWorker } from '../src/platform/jobs/index.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createMetrics } from '../src/platform/metrics.ts';
import { jobHandlers } from '../src/entrypoints/app.ts';

// Monday 2 March 2026, 09:00 in Hồ Chí Minh City (UTC+7).
const MONDAY_9 = new Date('2026-03-02T02:00:00Z');

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: MONDAY_9 });
});
afterAll(async () => ctx.close());

const clockOf = (view: { clocks: { clock: string }[] }, kind: string) =>
  view.clocks.find((c) => c.clock === kind) as Record<string, unknown>;

async function orgWithChart() {
  const t = await createTestOrg(ctx);
  const admin = await signIn(ctx, t.users.admin.email);
  // Three levels: agent → manager (head of CSKH) → admin (head of the company).
  const company = (
    await admin.post('/api/departments', { name: 'Công ty', headUserId: t.users.admin.id })
  ).json();
  const care = (
    await admin.post('/api/departments', {
      name: 'CSKH',
      parentId: company.id,
      headUserId: t.users.manager.id,
    })
  ).json();
  const delivery = (
    await admin.post('/api/departments', { name: 'Giao vận', parentId: company.id })
  ).json();
  await admin.patch(`/api/users/${t.users.agent.id}`, { departmentId: care.id });
  await admin.patch(`/api/users/${t.users.manager.id}`, { departmentId: care.id });
  await admin.patch(`/api/users/${t.users.admin.id}`, { departmentId: company.id });
  await admin.patch(`/api/users/${t.users.responder.id}`, { departmentId: delivery.id });
  return { ...t, admin, departments: { company, care, delivery } };
}

describe('policies and clocks', () => {
  it('derives the clocks of a complaint from its events, the policy and the calendar', async () => {
    ctx.clock.set(MONDAY_9);
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    const clocks = (await agent.get(`/api/complaints/${complaint.id}/clocks`)).json();
    expect(clocks.policy.name).toBe('Tiêu chuẩn');
    expect(clockOf(clocks, 'acknowledge')).toMatchObject({ state: 'met' });
    // 4 business hours from 09:00 with a 12–13 lunch break: 14:00 local.
    expect(clockOf(clocks, 'first_response')).toMatchObject({
      state: 'running',
      dueAt: '2026-03-02T07:00:00.000Z',
      target: '4 giờ làm việc',
    });
    expect(clockOf(clocks, 'commitment')).toMatchObject({
      state: 'running',
      dueAt: '2026-03-03T02:00:00.000Z',
    });
    // The stored due time for sorting is the nearest running clock.
    const row = await ctx.db
      .selectFrom('complaints')
      .select(['next_due_at', 'next_due_clock'])
      .where('id', '=', complaint.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      next_due_at: new Date('2026-03-02T07:00:00Z'),
      next_due_clock: 'first_response',
    });
  });

  it('chooses the stricter policy for critical complaints', async () => {
    ctx.clock.set(MONDAY_9);
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (
      await agent.post('/api/complaints', sampleComplaint({ severity: 'critical' }))
    ).json();
    const clocks = (await agent.get(`/api/complaints/${complaint.id}/clocks`)).json();
    expect(clocks.policy.name).toBe('Khẩn cấp');
    expect(clockOf(clocks, 'first_response').dueAt).toBe('2026-03-02T03:00:00.000Z');
  });

  it('pauses while waiting for the customer, visibly, and recomputes when the calendar changes', async () => {
    ctx.clock.set(MONDAY_9);
    const { org, users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const admin = await signIn(ctx, users.admin.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    const id = complaint.id;
    await agent.post(`/api/complaints/${id}/facts`, {
      whatHappened: 'Giao trễ',
      askText: 'Giao ngay',
    });
    ctx.clock.set(new Date('2026-03-02T02:10:00Z'));
    await agent.post(`/api/complaints/${id}/readback/send`, { version: 1 });
    const paused = (await agent.get(`/api/complaints/${id}/clocks`)).json();
    expect(clockOf(paused, 'commitment')).toMatchObject({ state: 'paused', dueAt: null });
    expect(
      (await agent.get('/api/complaints?due=waiting'))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toEqual([id]);
    // The customer confirms an hour later: the commitment clock resumes, due an hour later.
    ctx.clock.set(new Date('2026-03-02T03:10:00Z'));
    const token = (await agent.post(`/api/complaints/${id}/tracking-link`))
      .json()
      .trackingUrl.split('/track/')[1];
    await ctx.app.inject({
      method: 'POST',
      url: `/api/portal/${token}/readback/confirm`,
      payload: { version: 1 },
    });
    const resumed = (await agent.get(`/api/complaints/${id}/clocks`)).json();
    expect(clockOf(resumed, 'commitment')).toMatchObject({
      state: 'running',
      dueAt: '2026-03-03T03:00:00.000Z',
    });
    expect((clockOf(resumed, 'commitment').pauses as unknown[]).length).toBe(1);

    // Tuesday becomes a holiday: the due time moves to Wednesday, for the stored due time too.
    const [calendar] = (await admin.get('/api/calendars')).json().items;
    const updated = await admin.request('PUT', `/api/calendars/${calendar.id}`, {
      ...calendar,
      holidays: [{ date: '2026-03-03', name: 'Nghỉ bù' }],
    });
    expect(updated.statusCode).toBe(200);
    expect(await ctx.drainJobs(org.id)).toBeGreaterThan(0);
    const moved = (await agent.get(`/api/complaints/${id}/clocks`)).json();
    expect(clockOf(moved, 'commitment').dueAt).toBe('2026-03-04T03:00:00.000Z');
    const stored = await ctx.db
      .selectFrom('complaint_clocks')
      .select('due_at')
      .where('complaint_id', '=', id)
      .where('clock', '=', 'commitment')
      .executeTakeFirstOrThrow();
    expect(stored.due_at).toEqual(new Date('2026-03-04T03:00:00Z'));
  });

  it('shows the generated holidays of a year beside the admin overrides, and imports iCalendar files', async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const [calendar] = (await admin.get('/api/calendars')).json().items;
    const overrides = [{ year: 2026, swaps: [{ dayOff: '2026-01-02', workday: '2026-01-10' }] }];
    expect(
      (
        await admin.request('PUT', `/api/calendars/${calendar.id}`, {
          ...calendar,
          holidayOverrides: overrides,
        })
      ).statusCode,
    ).toBe(200);
    const year = (await admin.get(`/api/calendars/${calendar.id}/holidays?year=2026`)).json();
    expect(year.generated.map((h: { date: string }) => h.date)).toContain('2026-02-17');
    expect(year.generated.map((h: { date: string }) => h.date)).not.toContain('2026-01-02');
    expect(year.effective.map((h: { date: string }) => h.date)).toContain('2026-01-02');
    expect(year.workdays).toEqual([
      {
        date: '2026-01-10',
        hours: [
          ['08:00', '12:00'],
          ['13:00', '17:00'],
        ],
      },
    ]);
    expect(year.overrides).toMatchObject({ year: 2026 });
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260615',
      'SUMMARY:Ngày hội công ty',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const imported = await admin.post(`/api/calendars/${calendar.id}/import-ics`, {
      ics,
      fromYear: 2026,
      toYear: 2026,
    });
    expect(imported.json()).toEqual({ imported: 1 });
    const after = (await admin.get(`/api/calendars/${calendar.id}/holidays?year=2026`)).json();
    expect(after.effective).toContainEqual({
      date: '2026-06-15',
      name: 'Ngày hội công ty',
      kind: 'imported',
    });
    const bad = await admin.post(`/api/calendars/${calendar.id}/import-ics`, {
      ics: 'BEGIN:VCALENDAR\r\nnonsense',
      fromYear: 2026,
      toYear: 2026,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('ics');
  });

  it('lists the regulatory presets with their sources and switches one on', async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const presets = (
      await admin.request('GET', '/api/sla-presets', undefined, { 'accept-language': 'en' })
    ).json().items;
    expect(presets.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(['vn-law-19-2023', 'uk-fca-disp-summary', 'us-cfpb', 'au-asic-rg271']),
    );
    const vn = presets.find((p: { code: string }) => p.code === 'vn-law-19-2023');
    expect(vn.source).toMatch(/19\/2023/);
    const [calendar] = (await admin.get('/api/calendars')).json().items;
    const enabled = await admin.post('/api/sla-presets/enable', {
      code: 'vn-law-19-2023',
      calendarId: calendar.id,
      priority: 5,
    });
    expect(enabled.statusCode).toBe(201);
    expect(enabled.json()).toMatchObject({
      preset: 'vn-law-19-2023',
      targets: { commitment: { amount: 7, unit: 'business_days' } },
    });
  });
});

describe('warnings and escalation', () => {
  it('warns the owner, then escalates a breach up a 3-level org chart, once, with two workers', async () => {
    ctx.clock.set(MONDAY_9);
    const { org, users } = await orgWithChart();
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    const workers = ['w1', 'w2'].map((workerId) =>
      createWorker({
        db: ctx.db,
        clock: ctx.clock,
        logger: createLogger('silent'),
        metrics: createMetrics(),
        handlers: jobHandlers(ctx.services),
        workerId,
        orgIds: [org.id],
      }),
    );
    const drainBoth = async () =>
      (await Promise.all(workers.map((w) => w.drain()))).reduce((a, b) => a + b, 0);
    const noticesOf = async (userId: string) =>
      (
        await ctx.db
          .selectFrom('notices')
          .select(['kind', 'data'])
          .where('org_id', '=', org.id)
          .where('user_id', '=', userId)
          .orderBy('created_at')
          .execute()
      ).map((n) => `${n.kind}:${String(n.data.clock)}:${String(n.data.level)}`);

    // 75% of 4 business hours from 09:00 is 3 hours: 13:00 local, after the lunch break (06:00Z).
    ctx.clock.set(new Date('2026-03-02T06:01:00Z'));
    await drainBoth();
    expect(await noticesOf(users.agent.id)).toEqual(['sla_warning:first_response:0']);

    // 14:00 local: first response overdue. The owner hears it, and level 1 (the manager) at once.
    ctx.clock.set(new Date('2026-03-02T07:01:00Z'));
    await drainBoth();
    expect(await noticesOf(users.agent.id)).toEqual([
      'sla_warning:first_response:0',
      'sla_breach:first_response:0',
    ]);
    expect(await noticesOf(users.manager.id)).toEqual(['escalation:first_response:1']);
    expect(await noticesOf(users.admin.id)).toEqual([]);

    // Level 2 (the manager's manager) comes four business hours later: not at 18:00 Monday
    // evening, but at 09:00 Tuesday (14:00–17:00, then 08:00–09:00).
    ctx.clock.set(new Date('2026-03-02T11:01:00Z'));
    await drainBoth();
    expect(await noticesOf(users.admin.id)).toEqual([]);
    ctx.clock.set(new Date('2026-03-03T02:01:00Z'));
    await drainBoth();
    expect(await noticesOf(users.admin.id)).toEqual(['escalation:first_response:2']);
    // Tuesday 09:00 is also the commitment clock's due (one business day): level 1 for it.
    const managerNotices = ['escalation:first_response:1', 'escalation:commitment:1'];
    expect(await noticesOf(users.manager.id)).toEqual(managerNotices);

    // Running everything again (a restart, a retry, a second worker) duplicates nothing.
    await ctx.db
      .updateTable('jobs')
      .set({ status: 'pending', attempts: 0 })
      .where('org_id', '=', org.id)
      .where('kind', '=', 'sla.check')
      .execute();
    await drainBoth();
    expect(await noticesOf(users.manager.id)).toEqual(managerNotices);
    expect(await noticesOf(users.admin.id)).toEqual(['escalation:first_response:2']);

    // The manager sees the notice in the app, with a badge count, and got an e-mail.
    const manager = await signIn(ctx, users.manager.email);
    const list = (await manager.get('/api/notices')).json();
    // Both escalations are about one case: one bell entry that counts them.
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({
      kind: 'escalation',
      complaintId: complaint.id,
      count: 2,
      unreadCount: 2,
    });
    const mail = await ctx.db
      .selectFrom('outgoing_messages')
      .select(['to_address', 'subject'])
      .where('org_id', '=', org.id)
      .where('kind', '=', 'notice')
      .execute();
    expect(mail.map((m) => m.to_address)).toContain(users.manager.email);
    expect(mail.find((m) => m.to_address === users.manager.email)!.subject).toContain(
      complaint.reference,
    );
    await manager.post('/api/notices/read', { ids: 'all' });
    expect((await manager.get('/api/notices')).json().unread).toBe(0);
    // The work queue shows it as breached.
    expect(
      (await agent.get('/api/complaints?due=breached'))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toEqual([complaint.id]);
  });
});

describe('commitments (step 4)', () => {
  it('proposes a due time from the catalogue, commits it to the customer, and keeps the ledger', async () => {
    ctx.clock.set(MONDAY_9);
    const { org, users, admin, departments } = await orgWithChart();
    const agent = await signIn(ctx, users.agent.email);
    const task = await admin.post('/api/task-types', {
      name: 'Giao lại hàng',
      departmentId: departments.delivery.id,
      durationAmount: 2,
      durationUnit: 'business_days',
    });
    expect(task.statusCode).toBe(201);
    expect(task.json().durationText).toBe('2 ngày làm việc');
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    const proposal = (
      await agent.get(
        `/api/complaints/${complaint.id}/commitment-proposal?taskTypeId=${task.json().id}`,
      )
    ).json();
    expect(proposal.dueAt).toBe('2026-03-04T02:00:00.000Z');

    const made = await agent.post(`/api/complaints/${complaint.id}/commitments`, {
      dueAt: proposal.dueAt,
      taskTypeId: task.json().id,
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      outcome: 'open',
      commitments: [{ sequence: 1, dueAt: proposal.dueAt, taskTypeName: 'Giao lại hàng' }],
    });
    const message = made.json().commitments[0].customerMessage;
    expect(message).toContain('cam kết xử lý xong');
    expect(message).toContain('09:00');
    // The customer sees it in the portal and got it by e-mail.
    const token = (await agent.post(`/api/complaints/${complaint.id}/tracking-link`))
      .json()
      .trackingUrl.split('/track/')[1];
    const portal = (await ctx.app.inject({ method: 'GET', url: `/api/portal/${token}` })).json();
    expect(
      portal.events.find((e: { type: string }) => e.type === 'commitment.made').data.dueAt,
    ).toBe(proposal.dueAt);
    const mails = (await agent.get(`/api/mailbox?complaintId=${complaint.id}`)).json().items;
    expect(mails.some((m: { text: string }) => m.text === message)).toBe(true);
    // Step 4 is done on the case and in the portal.
    expect(
      (await agent.get(`/api/complaints/${complaint.id}`))
        .json()
        .steps.find((st: { step: string }) => st.step === 'commit').state,
    ).toBe('done');
    expect(portal.steps.find((st: { step: string }) => st.step === 'commit').state).toBe('done');
    // The commitment clock is met; the fix clock now runs to the committed time.
    const clocks = (await agent.get(`/api/complaints/${complaint.id}/clocks`)).json();
    expect(clockOf(clocks, 'commitment').state).toBe('met');
    expect(clockOf(clocks, 'fix')).toMatchObject({ state: 'running', dueAt: proposal.dueAt });

    // A change needs a reason, and tells the customer.
    const noReason = await agent.post(`/api/complaints/${complaint.id}/commitments`, {
      dueAt: '2026-03-05T09:00:00Z',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    const changed = (
      await agent.post(`/api/complaints/${complaint.id}/commitments`, {
        dueAt: '2026-03-05T09:00:00Z',
        reason: 'Kho hết hàng, chờ nhập',
      })
    ).json();
    expect(changed.commitments).toHaveLength(2);
    expect(changed.commitments[1].customerMessage).toContain('Kho hết hàng, chờ nhập');

    // Fixed after the original date but before the new one: re-committed in time, the new due
    // met, and not a kept promise (the first due was not kept).
    ctx.clock.set(new Date('2026-03-05T03:00:00Z'));
    await agent.post(`/api/complaints/${complaint.id}/status`, {
      status: 'fixed',
      note: 'Đã giao',
    });
    const ledger = (await agent.get(`/api/complaints/${complaint.id}/commitments`)).json();
    expect(ledger).toMatchObject({ outcome: 'recommitted', slip: null });
    expect(ledger.promises).toEqual([
      expect.objectContaining({
        outcome: 'recommitted',
        dueInForceResult: 'met',
        recommittedInTime: 1,
      }),
    ]);
    const manager = await signIn(ctx, users.manager.email);
    const report = (await manager.get('/api/reports/promises?groupBy=agent')).json();
    expect(report.rows).toEqual([
      expect.objectContaining({
        key: users.agent.id,
        made: 1,
        kept: 0,
        recommitted: 1,
        recommittedNewDueMet: 1,
        keptRate: 0,
        recommittedKeptRate: 1,
      }),
    ]);
    expect(report.definition).toContain('thời hạn cam kết đầu tiên');
    expect(report.definitions.map((d: { term: string }) => d.term)).toContain(
      'Cam kết lại đúng lúc',
    );
    const byTask = (await manager.get('/api/reports/promises?groupBy=task_type')).json();
    expect(byTask.rows[0]).toMatchObject({ name: 'Giao lại hàng', made: 1 });
    const stats = (await manager.get('/api/reports/task-types')).json();
    expect(stats.rows[0]).toMatchObject({ name: 'Giao lại hàng', fixes: 1 });
    expect(stats.rows[0].medianBusinessHours).toBeGreaterThan(0);
    expect(stats.rows[0].workingDayHours).toBe(8);
    expect(stats.method).toContain('hạng gần nhất');
    expect(org.id).toBeTruthy();
  });

  it('sends a deadline request to the department, answered live, and commits the answered time', async () => {
    ctx.clock.set(MONDAY_9);
    const { users, departments } = await orgWithChart();
    const agent = await signIn(ctx, users.agent.email);
    const responder = await signIn(ctx, users.responder.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();

    // The responder's screen is open on the live stream (real HTTP, server-sent events).
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const events: { event: string; data: Record<string, unknown> }[] = [];
    const stream = await fetch(`${address}/api/live`, {
      headers: { cookie: responder.cookie },
      signal: controller.signal,
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    const pump = (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += new TextDecoder().decode(value);
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    })();
    const waitFor = async (predicate: () => boolean) => {
      for (let i = 0; i < 100 && !predicate(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(predicate()).toBe(true);
    };
    await waitFor(() => events.some((e) => e.event === 'ready'));

    const request = await agent.post(`/api/complaints/${complaint.id}/deadline-requests`, {
      departmentId: departments.delivery.id,
      question: 'Khi nào giao lại được đơn DH-0001?',
    });
    expect(request.statusCode).toBe(201);
    const requestId = request.json().id;
    expect(request.json().clock).toMatchObject({
      state: 'running',
      dueAt: '2026-03-02T02:30:00.000Z',
    });
    await waitFor(() =>
      events.some((e) => e.event === 'deadline_request' && e.data.requestId === requestId),
    );
    await waitFor(() =>
      events.some((e) => e.event === 'notice' && e.data.kind === 'deadline_request'),
    );

    const open = (await responder.get('/api/deadline-requests')).json().items;
    expect(open.map((r: { id: string }) => r.id)).toEqual([requestId]);
    // Someone outside the department cannot answer for it.
    const quality = await signIn(ctx, users.quality.email);
    expect(
      (
        await quality.post(`/api/deadline-requests/${requestId}/answer`, {
          dueAt: '2026-03-03T10:00:00Z',
        })
      ).statusCode,
    ).toBe(403);
    ctx.clock.set(new Date('2026-03-02T02:12:00Z'));
    const answered = await responder.post(`/api/deadline-requests/${requestId}/answer`, {
      dueAt: '2026-03-03T10:00:00Z',
      note: 'Xe chiều mai',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({
      status: 'answered',
      answerDueAt: '2026-03-03T10:00:00.000Z',
      clock: { state: 'met' },
    });
    controller.abort();
    await pump;

    const committed = (
      await agent.post(`/api/complaints/${complaint.id}/commitments`, {
        dueAt: answered.json().answerDueAt,
        deadlineRequestId: requestId,
      })
    ).json();
    expect(committed.commitments[0]).toMatchObject({
      deadlineRequestId: requestId,
      departmentId: departments.delivery.id,
    });
    // The delivery department's queue now holds the case it promised.
    const departmentQueue = (
      await agent.get(`/api/complaints?sort=dueAt&departmentId=${departments.delivery.id}`)
    ).json();
    expect(departmentQueue.items.map((i: { id: string }) => i.id)).toEqual([complaint.id]);
    expect(
      (await agent.get(`/api/complaints?departmentId=${departments.care.id}`)).json().total,
    ).toBe(1);
    const agentNotices = (await agent.get('/api/notices')).json().items;
    expect(agentNotices[0]).toMatchObject({ kind: 'deadline_answer' });
  });

  it('sorts the work queue by the nearest due time', async () => {
    ctx.clock.set(MONDAY_9);
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const normal = (await agent.post('/api/complaints', sampleComplaint())).json().complaint.id;
    const critical = (
      await agent.post('/api/complaints', sampleComplaint({ severity: 'critical' }))
    ).json().complaint.id;
    const closed = (await agent.post('/api/complaints', sampleComplaint())).json().complaint.id;
    await agent.post(`/api/complaints/${closed}/status`, { status: 'cancelled' });
    const queue = (await agent.get('/api/complaints?scope=mine&sort=dueAt')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toEqual([critical, normal]);
    expect(queue.items[0]).toMatchObject({ nextDueClock: 'first_response', isBreached: false });
    expect((await agent.get('/api/complaints?scope=mine&due=today')).json().total).toBe(2);
  });
});
