import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signIn, type Client, type TestContext } from './helpers.ts';
import { complaintOf, newProblem, problemOrg, type ProblemOrg } from './problems-helpers.ts';

// Step 8's closed loop: the monitoring window on the business calendar, the recurrence check
// that blocks the close and sends the problem back, the override, and the actions' clocks.

const MONDAY = new Date('2026-03-02T02:00:00Z'); // 09:00 in Hồ Chí Minh City

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: MONDAY });
});
afterAll(async () => ctx.close());

/** A problem taken to action with one corrective action done, ready to be monitored. */
async function readyToMonitor(o: ProblemOrg, body: Record<string, unknown> = {}) {
  const { problem } = await newProblem(o.quality, { reasonId: o.reasonId, ...body });
  const base = `/api/problems/${problem.id}`;
  for (const to of ['analysing', 'action'])
    expect((await o.quality.post(`${base}/transition`, { to })).statusCode).toBe(200);
  const refused = await o.quality.post(`${base}/transition`, { to: 'monitoring' });
  expect(refused.statusCode).toBe(409);
  const action = await o.quality.post(`${base}/actions`, {
    kind: 'corrective',
    description: 'Đổi đơn vị vận chuyển',
    ownerId: o.users.quality.id,
    dueInBusinessDays: 2,
  });
  expect(action.statusCode, action.body).toBe(201);
  const done = await o.quality.patch(`${base}/actions/${action.json().id}`, { status: 'done' });
  expect(done.json().status).toBe('done');
  return { id: problem.id, base };
}

const monitor = async (client: Client, base: string) => {
  const r = await client.post(`${base}/transition`, { to: 'monitoring' });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

const noticesOf = (orgId: string) =>
  ctx.db
    .selectFrom('notices')
    .select(['user_id', 'kind', 'data'])
    .where('org_id', '=', orgId)
    .where('kind', 'like', 'problem_%')
    // Notices of one moment (the owner's and the manager's at the due) come in the order of kind.
    .orderBy('created_at')
    .orderBy('kind')
    .execute();

describe('the monitoring window', () => {
  it('ends after N business days of the org’s calendar: holidays and the weekend move it', async () => {
    // Tuesday 28 April 2026, 09:00: 30 April and 1 May are public holidays, then a weekend.
    ctx.clock.set(new Date('2026-04-28T02:00:00Z'));
    const o = await problemOrg(ctx);
    const { base } = await readyToMonitor(o, { windowLength: 3 });
    const detail = await monitor(o.quality, base);
    expect(detail.monitoring).toMatchObject({
      startedAt: '2026-04-28T02:00:00.000Z',
      endsAt: '2026-05-05T02:00:00.000Z',
      threshold: 0,
      decision: 'watching',
    });
  });

  it('can run in weeks instead', async () => {
    ctx.clock.set(MONDAY);
    const o = await problemOrg(ctx);
    const { base } = await readyToMonitor(o, { windowLength: 2, windowUnit: 'weeks' });
    expect((await monitor(o.quality, base)).monitoring.endsAt).toBe('2026-03-16T02:00:00.000Z');
    // A longer window while it runs: its end moves, counted from its start.
    const longer = await o.quality.patch(base, { windowLength: 3 });
    expect(longer.json().monitoring.endsAt).toBe('2026-03-23T02:00:00.000Z');
    ctx.clock.set(new Date('2026-03-16T03:00:00Z'));
    await ctx.drainJobs(o.org.id);
    const quality = await signIn(ctx, o.users.quality.email); // sessions last 14 days
    expect((await quality.get(base)).json().problem.status).toBe('monitoring');
    expect(await noticesOf(o.org.id)).toEqual([]);
  });
});

describe('the recurrence check', () => {
  it('blocks the close, sends the problem back at the window’s end, and allows an audited override', async () => {
    ctx.clock.set(new Date('2026-02-27T02:00:00Z'));
    const o = await problemOrg(ctx);
    const before = await complaintOf(o);
    ctx.clock.set(MONDAY);
    const { id, base } = await readyToMonitor(o, { windowLength: 5 });
    await o.agent.post(`${base}/complaints`, { complaintIds: [before] });
    await monitor(o.quality, base);

    // Wednesday: the same complaint again, linked during the window.
    ctx.clock.set(new Date('2026-03-04T03:00:00Z'));
    const again = await complaintOf(o);
    await o.agent.post(`${base}/complaints`, { complaintIds: [again] });
    const watched = (await o.quality.get(base)).json();
    expect(
      watched.monitoring.recurrences.map((c: { complaintId: string }) => c.complaintId),
    ).toEqual([again]);
    expect(
      watched.complaints.find((c: { complaintId: string }) => c.complaintId === before)
        .isRecurrence,
    ).toBe(false);

    const refused = await o.quality.post(`${base}/close`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('recurrence_check_failed');
    const noReason = await o.quality.post(`${base}/close`, { override: true });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    expect((await o.manager.post(`${base}/close`, {})).statusCode).toBe(403);

    // The window ends on Monday 9 March, 09:00: the check sends it back and tells the owner.
    ctx.clock.set(new Date('2026-03-09T02:00:00Z'));
    await ctx.drainJobs(o.org.id);
    await ctx.drainJobs(o.org.id);
    const sentBack = (await o.quality.get(base)).json();
    expect(sentBack.problem.status).toBe('action');
    const ended = sentBack.history.find((h: { kind: string }) => h.kind === 'monitoring.ended');
    expect(ended.data).toMatchObject({ outcome: 'recurred', recurrences: 1, threshold: 0 });
    expect((await noticesOf(o.org.id)).map((n) => [n.user_id, n.kind])).toEqual([
      [o.users.quality.id, 'problem_recurred'],
    ]);

    // The quality owner closes it anyway, with a reason: shown and audited.
    const closed = await o.quality.post(`${base}/close`, {
      override: true,
      reason: 'Khách hàng cũ, lỗi trước khi đổi nhà vận chuyển',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().problem).toMatchObject({
      status: 'closed',
      override: { reason: 'Khách hàng cũ, lỗi trước khi đổi nhà vận chuyển' },
    });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('org_id', '=', o.org.id)
      .where('entity_id', '=', id)
      .where('action', '=', 'problem.closed_override')
      .execute();
    expect(audit).toEqual([{ action: 'problem.closed_override', actor_id: o.users.quality.id }]);
    expect((await o.quality.post(`${base}/transition`, { to: 'action' })).statusCode).toBe(409);
  });

  it('tells the owner a clean window is ready to close, and closes it then, not before', async () => {
    ctx.clock.set(MONDAY);
    const o = await problemOrg(ctx);
    const { base } = await readyToMonitor(o, { windowLength: 5, recurrenceThreshold: 1 });
    await monitor(o.quality, base);
    ctx.clock.set(new Date('2026-03-03T03:00:00Z'));
    await o.agent.post(`${base}/complaints`, { complaintIds: [await complaintOf(o)] });

    const early = await o.quality.post(`${base}/close`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('recurrence_check_failed');

    ctx.clock.set(new Date('2026-03-09T02:00:00Z'));
    await ctx.drainJobs(o.org.id);
    expect((await noticesOf(o.org.id)).map((n) => n.kind)).toEqual(['problem_ready_to_close']);
    const closed = await o.quality.post(`${base}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().problem).toMatchObject({ status: 'closed', override: null });
  });
});

describe('action clocks', () => {
  it('warns the owner at 80% of the span, then at the due tells the owner and escalates to the manager', async () => {
    ctx.clock.set(MONDAY);
    const o = await problemOrg(ctx);
    const { problem } = await newProblem(o.quality);
    const base = `/api/problems/${problem.id}`;
    const create = (description: string) =>
      o.quality.post(`${base}/actions`, {
        kind: 'preventive',
        description,
        ownerId: o.users.quality.id,
        dueInBusinessDays: 5,
      });
    const watched = (await create('Kiểm tra tuyến hằng tuần')).json();
    // Five business days from Monday 09:00: the next Monday 09:00.
    expect(watched.dueAt).toBe('2026-03-09T02:00:00.000Z');
    expect(watched.warnAt).toBe('2026-03-07T16:24:00.000Z');
    const finished = (await create('Đào tạo lại kho')).json();
    await o.quality.patch(`${base}/actions/${finished.id}`, { status: 'done' });

    ctx.clock.set(new Date('2026-03-07T17:00:00Z'));
    await ctx.drainJobs(o.org.id);
    expect((await noticesOf(o.org.id)).map((n) => [n.user_id, n.kind])).toEqual([
      [o.users.quality.id, 'problem_action_warning'],
    ]);

    ctx.clock.set(new Date('2026-03-09T02:00:00Z'));
    await ctx.drainJobs(o.org.id);
    const notices = await noticesOf(o.org.id);
    expect(notices.map((n) => [n.user_id, n.kind])).toEqual([
      [o.users.quality.id, 'problem_action_warning'],
      [o.users.manager.id, 'problem_action_escalation'],
      [o.users.quality.id, 'problem_action_overdue'],
    ]);
    expect(notices.every((n) => (n.data as { actionId: string }).actionId === watched.id)).toBe(
      true,
    );
    const home = (await o.quality.get('/api/problems/home')).json();
    expect(
      home.myActions.map((a: { id: string; isOverdue: boolean }) => [a.id, a.isOverdue]),
    ).toEqual([[watched.id, true]]);

    // Running the jobs again changes nothing.
    await ctx.drainJobs(o.org.id);
    expect(await noticesOf(o.org.id)).toHaveLength(3);
  });

  it('lets the action’s owner record evidence and mark it done, but not re-date it', async () => {
    ctx.clock.set(MONDAY);
    const o = await problemOrg(ctx);
    const { problem } = await newProblem(o.quality);
    const base = `/api/problems/${problem.id}`;
    const action = (
      await o.quality.post(`${base}/actions`, {
        kind: 'corrective',
        description: 'Sửa quy trình đóng gói',
        ownerId: o.users.agent.id,
        dueAt: '2026-03-20T10:00:00Z',
      })
    ).json();
    const url = `${base}/actions/${action.id}`;
    expect((await o.agent.patch(url, { dueAt: '2026-04-01T10:00:00Z' })).statusCode).toBe(403);
    const evidence = await o.agent.post(`${url}/evidence`, { note: 'Ảnh quy trình mới' });
    expect(evidence.statusCode, evidence.body).toBe(201);
    expect(evidence.json().evidence[0]).toMatchObject({
      note: 'Ảnh quy trình mới',
      byId: o.users.agent.id,
    });
    expect((await o.agent.patch(url, { status: 'done' })).json()).toMatchObject({
      status: 'done',
      doneAt: MONDAY.toISOString(),
    });
    expect((await o.quality.patch(url, { status: 'cancelled' })).statusCode).toBe(409);
  });
});
