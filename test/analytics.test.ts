import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsReport } from '../src/modules/analytics/analytics.contract.ts';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type Client,
  type TestContext,
} from './helpers.ts';

// The analytics page's figures on cases whose answers are computed by hand. The org is in
// Asia/Ho_Chi_Minh (UTC+7): 09:30 UTC on Monday 2 March 2026 is 16:30 that Monday there.

const MINUTE = 60_000;
let ctx: TestContext;
let t: Awaited<ReturnType<typeof createTestOrg>>;
let manager: Client;
let departmentId: string;
let reasonId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext({ start: new Date('2026-03-01T16:00:00Z') });
  t = await createTestOrg(ctx);
  const admin = await signIn(ctx, t.users.admin.email);
  const dept = await admin.post('/api/departments', { name: '=HYPERLINK("http://x","Giao hàng")' });
  expect(dept.statusCode, dept.body).toBe(201);
  departmentId = dept.json().id as string;
  const moved = await admin.patch(`/api/users/${t.users.agent.id}`, { departmentId });
  expect(moved.statusCode, moved.body).toBe(200);
  reasonId = t.reasons[0]!.id;
  const agent = await signIn(ctx, t.users.agent.email);
  manager = await signIn(ctx, t.users.manager.email);

  const open = async (key: string, at: string, by: Client, extra: Record<string, unknown> = {}) => {
    ctx.clock.set(new Date(at));
    const r = await by.post('/api/complaints', sampleComplaint({ description: key, ...extra }));
    expect(r.statusCode, r.body).toBe(201);
    ids[key] = r.json().complaint.id as string;
    return r.json().complaint as { id: string; trackingUrl: string };
  };
  const commit = async (id: string, by: Client, dueAt: string) => {
    const r = await by.post(`/api/complaints/${id}/commitments`, { dueAt });
    expect(r.statusCode, r.body).toBe(201);
  };
  const fix = async (id: string, by: Client) => {
    ctx.clock.advance(5 * MINUTE);
    const r = await by.post(`/api/complaints/${id}/status`, { status: 'fixed' });
    expect(r.statusCode, r.body).toBe(200);
  };
  // Sunday 23:59 there: the day before the range.
  await open('E', '2026-03-01T16:59:00Z', agent);
  // Monday 00:00 there: the first instant of the range; never fixed.
  await open('F', '2026-03-01T17:00:00Z', agent);
  // Monday 16:30, fixed at once: first contact.
  const a = await open('A', '2026-03-02T09:30:00Z', agent, { reasonId });
  await commit(a.id, agent, '2026-03-02T10:30:00Z'); // fixed at 09:35: kept
  await fix(a.id, agent);
  // Monday 16:40, the customer writes again before the fix: more contacts.
  const b = await open('B', '2026-03-02T09:40:00Z', agent);
  ctx.clock.advance(MINUTE);
  const token = b.trackingUrl.split('/track/')[1];
  const msg = await ctx.app.inject({
    method: 'POST',
    url: `/api/portal/${token}/messages`,
    payload: { body: 'Sao chưa xong?' },
  });
  expect(msg.statusCode, msg.body).toBe(200);
  await commit(b.id, agent, '2026-03-02T09:45:00Z'); // fixed at 09:46: broken
  await fix(b.id, agent);
  // Tuesday 20:00 UTC is Wednesday 03:00 there, outside office hours (08:00–12:00, 13:00–17:00);
  // fixed at 09:00 there: six hours on the wall, one business hour. Kept.
  const c = await open('C', '2026-03-03T20:00:00Z', agent);
  await commit(c.id, agent, '2026-04-30T10:00:00Z');
  ctx.clock.set(new Date('2026-03-04T01:55:00Z'));
  await fix(c.id, agent);
  // The next Monday 08:00 there, by e-mail, taken by the manager (no department): fixed.
  const d = await open('D', '2026-03-09T01:00:00Z', manager, { channel: 'email' });
  await commit(d.id, manager, '2026-03-09T03:00:00Z');
  await fix(d.id, manager);
  // Step 6–7 on 9 March at 02:00 UTC: B's update (due 3 March) late, D's on time and verified.
  ctx.clock.set(new Date('2026-03-09T02:00:00Z'));
  const tasks = await ctx.db
    .selectFrom('follow_ups')
    .select(['id', 'complaint_id', 'kind'])
    .where('org_id', '=', t.org.id)
    .execute();
  const task = (key: string, kind: string) =>
    tasks.find((f) => f.complaint_id === ids[key] && f.kind === kind)!.id;
  const admin2 = await signIn(ctx, t.users.admin.email);
  for (const key of ['B', 'D']) {
    const r = await admin2.post(`/api/follow-ups/${task(key, 'manager_update')}/manager-update`, {
      method: 'call',
      note: 'Đã gọi cảm ơn khách hàng',
    });
    expect(r.statusCode, r.body).toBe(200);
  }
  const verified = await admin2.post(`/api/follow-ups/${task('D', 'verification')}/verification`, {
    outcome: 'works',
  });
  expect(verified.statusCode, verified.body).toBe(200);
  ctx.clock.set(new Date('2026-03-20T05:00:00Z'));
  // Sessions end when idle: the reader signs in again at the report's "now".
  manager = await signIn(ctx, t.users.manager.email);

  // Answers as the survey module records them (its own tests cover how it takes them).
  const answer = async (
    key: string,
    csat: number,
    cell: { weekday: number; hour: number },
    who: { agentId: string; departmentId: string | null; channel: string; reasonId?: string },
  ) => {
    const row = await ctx.db
      .selectFrom('complaints')
      .select(['created_at'])
      .where('id', '=', ids[key]!)
      .executeTakeFirstOrThrow();
    const at = ctx.clock.now();
    await ctx.db
      .insertInto('surveys')
      .values({
        org_id: t.org.id,
        complaint_id: ids[key]!,
        resolved_at: at,
        status: 'answered',
        send_at: at,
        language: 'vi',
        channel: who.channel,
        agent_id: who.agentId,
        department_id: who.departmentId,
        reason_id: who.reasonId ?? null,
        first_contact_at: row.created_at,
        first_contact_hour: cell.hour,
        first_contact_weekday: cell.weekday,
        csat,
        sent_at: at,
        answered_at: at,
        created_at: at,
      })
      .execute();
  };
  const agentWho = { agentId: t.users.agent.id, departmentId, channel: 'phone' };
  await answer('A', 5, { weekday: 1, hour: 16 }, { ...agentWho, reasonId });
  await answer('B', 2, { weekday: 1, hour: 16 }, agentWho);
  await answer(
    'D',
    4,
    { weekday: 1, hour: 8 },
    {
      agentId: t.users.manager.id,
      departmentId: null,
      channel: 'email',
    },
  );
});
afterAll(async () => ctx.close());

const range = 'from=2026-03-02&to=2026-03-15';
async function reportOf(client: Client, query = range): Promise<AnalyticsReport> {
  const r = await client.get(`/api/analytics?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as AnalyticsReport;
}
const cell = (report: AnalyticsReport, weekday: number, hour: number) =>
  report.heatmap.find((c) => c.weekday === weekday && c.hour === hour)!;
const nonZeroVolume = (report: AnalyticsReport) =>
  report.heatmap.filter((c) => c.complaints > 0).map((c) => [c.weekday, c.hour, c.complaints]);

describe('analytics', () => {
  it('places complaints and answers by hour and weekday of first contact in the org zone', async () => {
    const report = await reportOf(manager);
    expect(report.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(report.heatmap).toHaveLength(168);
    expect(nonZeroVolume(report)).toEqual([
      [1, 0, 1],
      [1, 8, 1],
      [1, 16, 2],
      [3, 3, 1],
    ]);
    expect(cell(report, 1, 16)).toMatchObject({ answers: 2, csatMean: 3.5 });
    expect(cell(report, 1, 8)).toMatchObject({ answers: 1, csatMean: 4 });
    // A complaint without an answer (C): its cell has no mean, not 0.
    expect(cell(report, 3, 3)).toMatchObject({ complaints: 1, answers: 0, csatMean: null });
    expect(report.definitions.csatHeatmap).toContain('không phải 0');
  });

  it('gives CSAT by agent, channel and department: mean, answers, share of 4–5', async () => {
    const report = await reportOf(manager);
    const strip = (g: AnalyticsReport['csatBy']['agent']) =>
      g.map(({ name, answers, csatMean, satisfiedShare }) => ({
        name,
        answers,
        csatMean,
        satisfiedShare,
      }));
    expect(strip(report.csatBy.agent)).toEqual([
      { name: t.users.agent.name, answers: 2, csatMean: 3.5, satisfiedShare: 0.5 },
      { name: t.users.manager.name, answers: 1, csatMean: 4, satisfiedShare: 1 },
    ]);
    expect(strip(report.csatBy.channel)).toEqual([
      { name: 'Điện thoại', answers: 2, csatMean: 3.5, satisfiedShare: 0.5 },
      { name: 'Email', answers: 1, csatMean: 4, satisfiedShare: 1 },
    ]);
    expect(report.csatBy.department.map((g) => [g.key, g.answers])).toEqual([
      [departmentId, 2],
      [null, 1],
    ]);
    expect(report.csatBy.reason.map((g) => [g.key, g.answers, g.csatMean])).toEqual([
      [null, 2, 3],
      [reasonId, 1, 5],
    ]);
  });

  it('counts first-contact resolution per week with unresolved cases in the denominator', async () => {
    const report = await reportOf(manager);
    expect(report.firstContact.weeks).toEqual([
      {
        week: '2026-03-02',
        complaints: 4,
        firstContact: 2,
        moreContacts: 1,
        unresolved: 1,
        rate: 0.5,
      },
      {
        week: '2026-03-09',
        complaints: 1,
        firstContact: 1,
        moreContacts: 0,
        unresolved: 0,
        rate: 1,
      },
    ]);
    expect(report.firstContact.total).toEqual({
      complaints: 5,
      firstContact: 3,
      moreContacts: 1,
      unresolved: 1,
      rate: 0.6,
    });
    expect(report.definitions.contact).toContain('cuộc gọi đến');
  });

  it('gives the promise-kept rate per week by the ledger’s own definition', async () => {
    const report = await reportOf(manager);
    const none = { reopened: 0, recommitted: 0 };
    expect(report.promises.weeks).toEqual([
      { week: '2026-03-02', made: 3, kept: 2, broken: 1, open: 0, keptRate: 0.667, ...none },
      { week: '2026-03-09', made: 1, kept: 1, broken: 0, open: 0, keptRate: 1, ...none },
    ]);
    expect(report.promises.total).toMatchObject({ made: 4, kept: 3, broken: 1, keptRate: 0.75 });
    const ledger = await manager.get('/api/reports/promises?groupBy=agent');
    expect(ledger.statusCode, ledger.body).toBe(200);
    expect(report.definitions.promiseKept).toBe(ledger.json().definition);
  });

  it('gives median and p90 times per week in business minutes', async () => {
    const report = await reportOf(manager);
    const stat = (measured: number, notStopped: number, median: number, p90: number) => ({
      measured,
      notStopped,
      medianBusinessMinutes: median,
      p90BusinessMinutes: p90,
    });
    // Acknowledged at intake: 0. First response: A 0, B 1 (the customer's message), C 0; F none.
    // Fix: A 5, B 5 (its clock restarted at the commitment), C 60 business minutes; F none.
    expect(report.times.weeks).toEqual([
      {
        week: '2026-03-02',
        acknowledge: stat(4, 0, 0, 0),
        first_response: stat(3, 1, 0, 1),
        fix: stat(3, 1, 5, 60),
      },
      {
        week: '2026-03-09',
        acknowledge: stat(1, 0, 0, 0),
        first_response: stat(1, 0, 0, 0),
        fix: stat(1, 0, 5, 5),
      },
    ]);
    // Over the range, fix times 5, 5, 5, 60: the median is the 2nd, the 90th percentile the 4th.
    expect(report.times.total.fix).toEqual(stat(4, 1, 5, 60));
    expect(report.definitions.times).toContain('Thời gian tạm dừng không được trừ ra');
  });

  it('gives manager-update compliance and the verification rate per week', async () => {
    const report = await reportOf(manager);
    const none = { updatesOpen: 0, callBacksWorking: 0, callBacksEnded: 0 };
    // Week 1: A's and C's updates past their due without one (missing), B's done a day late;
    // the three call-backs still due. Week 2: D's update on time, its call-back found it working.
    expect(report.followUps.weeks).toEqual([
      {
        week: '2026-03-02',
        updates: 3,
        updatesOnTime: 0,
        updatesLate: 1,
        updatesMissing: 2,
        updateComplianceRate: 0,
        callBacks: 3,
        callBacksOpen: 3,
        verificationRate: null,
        ...none,
      },
      {
        week: '2026-03-09',
        updates: 1,
        updatesOnTime: 1,
        updatesLate: 0,
        updatesMissing: 0,
        updatesOpen: 0,
        updateComplianceRate: 1,
        callBacks: 1,
        callBacksWorking: 1,
        callBacksEnded: 1,
        callBacksOpen: 0,
        verificationRate: 1,
      },
    ]);
    expect(report.followUps.total).toMatchObject({ updates: 4, updateComplianceRate: 0.25 });
    expect(report.definitions.followUpTerms.map((d) => d.term)).toContain('Tỷ lệ xác minh');
    // A range with no follow-up task: no rate, not 0.
    const empty = await reportOf(manager, 'from=2026-01-05&to=2026-01-11');
    expect(empty.followUps.total).toMatchObject({
      updates: 0,
      updateComplianceRate: null,
      verificationRate: null,
    });
  });

  it('shows spend against budget exactly as the rewards report gives it', async () => {
    const admin = await signIn(ctx, t.users.admin.email);
    const budget = await admin.post('/api/reward-budgets', {
      departmentId,
      purpose: 'gift',
      period: 'month',
      periodStart: '2026-03-15',
      currency: 'VND',
      amountMinor: 1_000_000,
    });
    expect(budget.statusCode, budget.body).toBe(201);
    const report = await reportOf(manager);
    expect(report.rewards.giftBudgets).toEqual([
      expect.objectContaining({
        periodStart: '2026-03-01',
        amountMinor: 1_000_000,
        spentMinor: 0,
        remainingMinor: 1_000_000,
      }),
    ]);
    // The same instants as the page's range: 2 March 00:00 to 16 March 00:00 in Ho Chi Minh City.
    const own = await manager.get(
      '/api/reports/rewards?from=2026-03-01T17:00:00.000Z&to=2026-03-15T17:00:00.000Z',
    );
    expect(own.statusCode, own.body).toBe(200);
    const { giftBudgets, compensationBudgets, giftsByTeam, compensationByTeam } = own.json();
    expect(report.rewards).toEqual({
      giftBudgets,
      compensationBudgets,
      giftsByTeam,
      compensationByTeam,
    });
    expect(report.definitions.customerEffort).toContain('chưa được đo');
  });

  it('filters by channel, reason and department', async () => {
    const email = await reportOf(manager, `${range}&channel=email`);
    expect(nonZeroVolume(email)).toEqual([[1, 8, 1]]);
    expect(email.firstContact.total).toMatchObject({ complaints: 1, firstContact: 1, rate: 1 });
    expect(email.csatBy.agent.map((g) => g.name)).toEqual([t.users.manager.name]);

    const reason = await reportOf(manager, `${range}&reasonId=${reasonId}`);
    expect(nonZeroVolume(reason)).toEqual([[1, 16, 1]]);
    expect(cell(reason, 1, 16)).toMatchObject({ answers: 1, csatMean: 5 });

    const dept = await reportOf(manager, `${range}&departmentId=${departmentId}`);
    expect(dept.firstContact.total).toMatchObject({ complaints: 4, firstContact: 2, rate: 0.5 });
    expect(dept.csatBy.agent.map((g) => g.name)).toEqual([t.users.agent.name]);
  });

  it('defaults to the last 90 days in the org zone and refuses a backwards range', async () => {
    const report = await reportOf(manager, '');
    expect([report.from, report.to]).toEqual(['2025-12-21', '2026-03-20']);
    expect(report.firstContact.total.complaints).toBe(6);
    const backwards = await manager.get('/api/analytics?from=2026-03-10&to=2026-03-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.field).toBe('to');
  });

  it('refuses those without report:read, and shows another org none of it', async () => {
    const agent = await signIn(ctx, t.users.agent.email);
    expect((await agent.get(`/api/analytics?${range}`)).statusCode).toBe(403);
    expect((await agent.get(`/api/analytics/first_contact/export?format=csv`)).statusCode).toBe(
      403,
    );
    expect((await ctx.app.inject({ method: 'GET', url: '/api/analytics' })).statusCode).toBe(401);

    const other = await createTestOrg(ctx, 'Công ty Khác');
    const stranger = await signIn(ctx, other.users.manager.email);
    for (const query of [range, `${range}&departmentId=${departmentId}`]) {
      const seen = await reportOf(stranger, query);
      expect(seen.heatmap.every((c) => c.complaints === 0 && c.answers === 0)).toBe(true);
      expect(seen.firstContact.total.complaints).toBe(0);
      expect(Object.values(seen.csatBy).flat()).toEqual([]);
    }
  });

  it('downloads each chart as CSV and xlsx, headed in the reader’s language and guarded', async () => {
    const csv = await manager.get(`/api/analytics/csat_by_department/export?${range}&format=csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('csat_by_department-2026-03-02');
    const text = csv.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Bộ phận,Số câu trả lời,CSAT trung bình,Tỷ lệ 4–5',
      `"'=HYPERLINK(""http://x"",""Giao hàng"")",2,3.5,0.5`,
      '(không có),1,4,1',
      '',
    ]);

    const admin = await signIn(ctx, t.users.admin.email);
    const english = await admin.patch(`/api/users/${t.users.manager.id}`, { locale: 'en' });
    expect(english.statusCode, english.body).toBe(200);
    const reader = await signIn(ctx, t.users.manager.email);
    const xlsx = await reader.get(`/api/analytics/first_contact/export?${range}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = (book.worksheets[0]!.getSheetValues().slice(1) as unknown[][]).map((r) =>
      r.slice(1),
    );
    expect(rows).toEqual([
      ['Week (Monday)', 'Complaints', 'First contact', 'More contacts', 'Unresolved', 'FCR rate'],
      ['2026-03-02', 4, 2, 1, 1, 0.5],
      ['2026-03-09', 1, 1, 0, 0, 1],
    ]);
    expect((await reader.get(`/api/analytics/nope/export?format=csv`)).statusCode).toBe(400);
  });
});
