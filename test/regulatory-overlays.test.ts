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

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: MONDAY_9 });
});
afterAll(async () => ctx.close());

type ClockRow = { source: string; clock: string; dueAt: string | null; sourceLabel: string | null };
const keys = (view: { clocks: ClockRow[] }) => view.clocks.map((c) => `${c.source}:${c.clock}`);
const legalClock = (view: { clocks: ClockRow[] }, source: string) =>
  view.clocks.find((c) => c.source === source);

async function adminOrg() {
  const t = await createTestOrg(ctx);
  const admin = await signIn(ctx, t.users.admin.email);
  const [calendar] = (await admin.get('/api/calendars')).json().items;
  const switchOn = (preset: string, body: Record<string, unknown> = {}) =>
    admin.request('PUT', `/api/sla-overlays/${preset}`, { calendarId: calendar.id, ...body });
  return { ...t, admin, calendar, switchOn };
}

describe('regulatory presets as overlays', () => {
  it('keep every operational clock and add the legal one, for every severity', async () => {
    ctx.clock.set(MONDAY_9);
    const { org, users, switchOn } = await adminOrg();
    const on = await switchOn('vn-law-19-2023');
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({
      preset: 'vn-law-19-2023',
      active: true,
      dayCount: 'end_of_day',
      citation: 'Luật 19/2023/QH15, Điều 57(2)',
      targetsText: [{ clock: 'commitment', text: 'đến 24:00 ngày làm việc thứ 7' }],
    });
    const agent = await signIn(ctx, users.agent.email);
    for (const severity of ['low', 'medium', 'high', 'critical']) {
      const { complaint } = (
        await agent.post('/api/complaints', sampleComplaint({ severity }))
      ).json();
      const clocks = (await agent.get(`/api/complaints/${complaint.id}/clocks`)).json();
      expect(clocks.policy.name).toBe(
        severity === 'high' || severity === 'critical' ? 'Khẩn cấp' : 'Tiêu chuẩn',
      );
      expect(keys(clocks)).toEqual([
        'policy:acknowledge',
        'policy:first_response',
        'policy:next_update',
        'policy:commitment',
        // Step 6's clocks: pending until the case is fixed.
        'policy:manager_update',
        'policy:verification',
        'vn-law-19-2023:commitment',
      ]);
      // 24:00 of the 7th working day after Monday 2 March (3–6, 9–11 March).
      expect(legalClock(clocks, 'vn-law-19-2023')).toMatchObject({
        dueAt: '2026-03-11T17:00:00.000Z',
        sourceLabel: 'Luật 19/2023/QH15, Điều 57(2)',
        target: 'đến 24:00 ngày làm việc thứ 7',
      });
      // The stored clocks hold both commitment clocks, one per source.
      const stored = await ctx.db
        .selectFrom('complaint_clocks')
        .select(['source', 'clock'])
        .where('org_id', '=', org.id)
        .where('complaint_id', '=', complaint.id)
        .where('clock', '=', 'commitment')
        .orderBy('source')
        .execute();
      expect(stored).toEqual([
        { source: 'policy', clock: 'commitment' },
        { source: 'vn-law-19-2023', clock: 'commitment' },
      ]);
    }
    // The label is in the reader's language.
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    const english = (
      await agent.request('GET', `/api/complaints/${complaint.id}/clocks`, undefined, {
        'accept-language': 'en',
      })
    ).json();
    expect(legalClock(english, 'vn-law-19-2023')).toMatchObject({
      sourceLabel: 'Law 19/2023/QH15, Art. 57(2)',
      target: 'by 24:00 on the 7th business day',
    });
  });

  it('count Art. 57(2) to the end of the 7th working day, or to the same time, for a complaint received the Friday before Tết', async () => {
    // Friday 13 February 2026, 15:00 local. Tết closes 16–20 February; the 7 working days are
    // 23–27 February, 2 and 3 March.
    ctx.clock.set(new Date('2026-02-13T08:00:00Z'));
    const { org, users, switchOn } = await adminOrg();
    await switchOn('vn-law-19-2023');
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    const dueOf = async () =>
      legalClock(
        (await agent.get(`/api/complaints/${complaint.id}/clocks`)).json(),
        'vn-law-19-2023',
      )?.dueAt;
    const storedDue = async () =>
      (
        await ctx.db
          .selectFrom('complaint_clocks')
          .select('due_at')
          .where('org_id', '=', org.id)
          .where('complaint_id', '=', complaint.id)
          .where('source', '=', 'vn-law-19-2023')
          .executeTakeFirstOrThrow()
      ).due_at;
    // The default, the Civil Code's reading: 24:00 on Tuesday 3 March.
    expect(await dueOf()).toBe('2026-03-03T17:00:00.000Z');
    expect(await storedDue()).toEqual(new Date('2026-03-03T17:00:00Z'));
    // The stricter reading, chosen for the org: 15:00 on Tuesday 3 March; open cases follow.
    const changed = await switchOn('vn-law-19-2023', { dayCount: 'same_time' });
    expect(changed.json()).toMatchObject({ dayCount: 'same_time' });
    await ctx.drainJobs(org.id);
    expect(await dueOf()).toBe('2026-03-03T08:00:00.000Z');
    expect(await storedDue()).toEqual(new Date('2026-03-03T08:00:00Z'));
  });

  it('run both FCA clocks at once, beside the fix clock of the promise', async () => {
    ctx.clock.set(MONDAY_9);
    const { users, switchOn } = await adminOrg();
    expect((await switchOn('uk-fca-disp-summary')).statusCode).toBe(200);
    expect((await switchOn('uk-fca-disp-final')).statusCode).toBe(200);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    await agent.post(`/api/complaints/${complaint.id}/commitments`, {
      dueAt: '2026-03-20T05:00:00Z',
    });
    const clocks = (await agent.get(`/api/complaints/${complaint.id}/clocks`)).json();
    const fixes = clocks.clocks
      .filter((c: ClockRow) => c.clock === 'fix')
      .map((c: ClockRow) => [c.source, c.dueAt, c.sourceLabel]);
    expect(fixes).toEqual([
      ['policy', '2026-03-20T05:00:00.000Z', null],
      // Legal clocks follow in preset-code order. Eight weeks from receipt:
      ['uk-fca-disp-final', '2026-04-27T02:00:00.000Z', 'FCA DISP 1.6.2R'],
      // and close of business (17:00) on the 3rd business day after Monday 2 March.
      ['uk-fca-disp-summary', '2026-03-05T10:00:00.000Z', 'FCA DISP 1.5'],
    ]);
  });

  it('run on their own when no policy applies, and the queue sorts by them', async () => {
    ctx.clock.set(MONDAY_9);
    const { users, admin, switchOn } = await adminOrg();
    for (const policy of (await admin.get('/api/sla-policies')).json().items)
      await admin.request('PUT', `/api/sla-policies/${policy.id}`, { ...policy, active: false });
    await switchOn('au-asic-rg271');
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    const clocks = (await agent.get(`/api/complaints/${complaint.id}/clocks`)).json();
    expect(clocks.policy).toBeNull();
    // Acknowledged at intake; the IDR response is due 30 calendar days after receipt.
    expect(
      clocks.clocks.map((c: ClockRow & { state: string }) => [c.source, c.clock, c.state]),
    ).toEqual([
      ['au-asic-rg271', 'acknowledge', 'met'],
      ['au-asic-rg271', 'fix', 'running'],
    ]);
    const row = await ctx.db
      .selectFrom('complaints')
      .select(['next_due_at', 'next_due_clock'])
      .where('id', '=', complaint.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ next_due_at: new Date('2026-04-01T02:00:00Z'), next_due_clock: 'fix' });
  });

  it('escalate like any other clock', async () => {
    ctx.clock.set(MONDAY_9);
    const { org, users, admin, switchOn } = await adminOrg();
    const care = (
      await admin.post('/api/departments', { name: 'CSKH', headUserId: users.manager.id })
    ).json();
    await admin.patch(`/api/users/${users.agent.id}`, { departmentId: care.id });
    await switchOn('us-cfpb');
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    // At 75 % of 15 calendar days (Friday 13 March, 15:00) the owner is warned; 15 days after
    // receipt, nobody has answered the customer: CFPB's response is overdue.
    ctx.clock.set(new Date('2026-03-13T08:01:00Z'));
    await ctx.drainJobs(org.id);
    ctx.clock.set(new Date('2026-03-17T02:01:00Z'));
    await ctx.drainJobs(org.id);
    const notices = await ctx.db
      .selectFrom('notices')
      .select(['user_id', 'kind', 'data'])
      .where('org_id', '=', org.id)
      .where('complaint_id', '=', complaint.id)
      .execute();
    const legal = notices
      .filter((n) => n.data.source === 'us-cfpb')
      .map(
        (n) =>
          `${n.user_id === users.agent.id ? 'agent' : 'manager'}:${n.kind}:${String(n.data.clock)}`,
      )
      .sort();
    expect(legal).toEqual([
      'agent:sla_breach:first_response',
      'agent:sla_warning:first_response',
      'manager:escalation:first_response',
    ]);
    // The operational first response escalated on its own, separately.
    expect(
      notices.some(
        (n) => n.kind === 'escalation' && n.data.clock === 'first_response' && !n.data.source,
      ),
    ).toBe(true);
  });

  it('switch off, with an audit trail, and the legal clocks stop', async () => {
    ctx.clock.set(MONDAY_9);
    const { org, users, calendar, switchOn, admin } = await adminOrg();
    await switchOn('au-asic-rg271');
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    expect(keys((await agent.get(`/api/complaints/${complaint.id}/clocks`)).json())).toContain(
      'au-asic-rg271:fix',
    );
    const off = await switchOn('au-asic-rg271', { active: false });
    expect(off.json()).toMatchObject({ active: false, calendarId: calendar.id });
    await ctx.drainJobs(org.id);
    const after = (await agent.get(`/api/complaints/${complaint.id}/clocks`)).json();
    expect(keys(after).filter((k) => k.startsWith('au-'))).toEqual([]);
    const stored = await ctx.db
      .selectFrom('complaint_clocks')
      .select('source')
      .where('complaint_id', '=', complaint.id)
      .where('source', '!=', 'policy')
      .execute();
    expect(stored).toEqual([]);
    expect((await admin.get('/api/sla-overlays')).json().items).toEqual([
      expect.objectContaining({ preset: 'au-asic-rg271', active: false }),
    ]);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('org_id', '=', org.id)
      .where('entity_type', '=', 'sla_overlay')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'overlay.enabled', entity_id: 'au-asic-rg271' },
      { action: 'overlay.disabled', entity_id: 'au-asic-rg271' },
    ]);
  });

  it('answer bad input with the field named, another org with 404 or 400, and staff without the right with 403', async () => {
    const { users, switchOn, admin } = await adminOrg();
    const other = await adminOrg();
    expect((await switchOn('xx-unknown')).statusCode).toBe(404);
    const foreign = await switchOn('vn-law-19-2023', { calendarId: other.calendar.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.field).toBe('calendarId');
    const wrongKind = await switchOn('vn-law-19-2023', {
      targets: { fix: { amount: 7, unit: 'business_days' } },
    });
    expect(wrongKind.json().error.field).toBe('targets.fix');
    const dayCount = await admin.request(
      'PUT',
      '/api/sla-overlays/uk-fca-disp-final',
      { calendarId: (await admin.get('/api/calendars')).json().items[0].id, dayCount: 'same_time' },
      { 'accept-language': 'zh' },
    );
    expect(dayCount.statusCode).toBe(400);
    expect(dayCount.json().error.field).toBe('dayCount');
    const tooLong = await switchOn('uk-psr-payment-services', {
      targets: { fix: { amount: 0, unit: 'business_days' } },
    });
    expect(tooLong.json().error.field).toBe('targets.fix.amount');
    // 35 business days for exceptional payment-services complaints is a setting of the org.
    const longer = await switchOn('uk-psr-payment-services', {
      targets: { fix: { amount: 35, unit: 'business_days' } },
    });
    expect(longer.json()).toMatchObject({
      targets: { fix: { amount: 35 } },
      dayCount: 'end_of_day',
    });
    const agent = await signIn(ctx, users.agent.email);
    expect(
      (
        await agent.request('PUT', '/api/sla-overlays/vn-law-19-2023', {
          calendarId: other.calendar.id,
        })
      ).statusCode,
    ).toBe(403);
    // Each org sees only its own overlays.
    expect((await other.admin.get('/api/sla-overlays')).json().items).toEqual([]);
  });

  it('switch on by the old endpoint too, as an overlay rather than a policy', async () => {
    const { admin, calendar } = await adminOrg();
    const enabled = await admin.post('/api/sla-presets/enable', {
      code: 'vn-law-19-2023',
      calendarId: calendar.id,
      priority: 5,
    });
    expect(enabled.statusCode).toBe(201);
    expect(enabled.json()).toMatchObject({ preset: 'vn-law-19-2023', active: true });
    const policies = (await admin.get('/api/sla-policies')).json().items;
    expect(policies.map((p: { preset: string | null }) => p.preset)).toEqual([null, null]);
    const presets = (
      await admin.request('GET', '/api/sla-presets', undefined, { 'accept-language': 'en' })
    ).json().items;
    expect(presets.find((p: { code: string }) => p.code === 'vn-law-19-2023')).toMatchObject({
      citation: 'Law 19/2023/QH15, Art. 57(2)',
      dayCount: {
        default: 'end_of_day',
        choices: [
          { value: 'same_time', targetsText: [{ clock: 'commitment', text: '7 business days' }] },
          {
            value: 'end_of_day',
            targetsText: [{ clock: 'commitment', text: 'by 24:00 on the 7th business day' }],
          },
        ],
      },
    });
    const unknown = await admin.post('/api/sla-presets/enable', {
      code: 'xx',
      calendarId: calendar.id,
    });
    expect(unknown.json().error.field).toBe('code');
  });
});
