import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMail } from '../src/modules/channels/parse-mail.ts';
import { findFreePort } from '../src/platform/db/embedded.ts';
import {
  createTestContext,
  createTestOrg,
  nextAddress,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';
import { startReceiver } from './webhooks-helpers.ts';

// Monday 2 March 2026, 09:30 UTC: 16:30 in Hồ Chí Minh City (UTC+7), a Monday.
const FIRST_CONTACT = new Date('2026-03-02T09:30:00Z');
const HOUR = 3_600_000;

// The customer's inbox: staff and the stored copy see survey links with their secret hidden.
let ctx: TestContext;
let sink: SMTPServer;
const inbox = new Map<string, string>();
beforeAll(async () => {
  const port = await findFreePort();
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        parseMail(Buffer.concat(chunks))
          .then((m) => inbox.set(m.messageId ?? '', m.text))
          .then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(port, '127.0.0.1', resolve));
  ctx = await createTestContext({ start: FIRST_CONTACT, smtpUrl: `smtp://127.0.0.1:${port}` });
});
afterAll(async () => {
  await ctx.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

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
  return { ...t, admin, agent, manager, departmentId: care.id as string };
}
type Org = Awaited<ReturnType<typeof orgWithChart>>;

async function newCase(o: Org, overrides: Record<string, unknown> = {}) {
  const created = (
    await o.agent.post(
      '/api/complaints',
      sampleComplaint({ reasonId: o.reasons[0]?.id, ...overrides }),
    )
  ).json();
  return created.complaint.id as string;
}

const setStatus = async (o: Org, id: string, status: string) => {
  const r = await o.agent.post(`/api/complaints/${id}/status`, { status });
  expect(r.statusCode).toBe(200);
};

/** The survey mails of a case as the customer received them. */
async function surveyMails(complaintId: string) {
  const rows = await ctx.db
    .selectFrom('outgoing_messages')
    .select(['subject', 'text_body', 'to_address', 'message_id'])
    .where('complaint_id', '=', complaintId)
    .where('kind', '=', 'survey')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    ...r,
    stored: r.text_body,
    text_body: inbox.get(r.message_id ?? '') ?? r.text_body,
  }));
}

/** The score links and the unsubscribe link of a survey mail, as paths with their query. */
function linksOf(text: string) {
  const urls = [...text.matchAll(/http:\/\/ombud\.test(\/survey\/[A-Za-z0-9_-]+\?[a-z]+=\d)/g)];
  return urls.map((m) => m[1]!);
}
const tokenOf = (link: string) => /\/survey\/([A-Za-z0-9_-]+)/.exec(link)![1]!;

const publicGet = (url: string, lang = 'vi') =>
  ctx.app.inject({
    method: 'GET',
    url,
    remoteAddress: nextAddress(),
    headers: { 'accept-language': lang },
  });
const publicPost = (url: string, payload: unknown = {}, lang = 'vi') =>
  ctx.app.inject({
    method: 'POST',
    url,
    payload: payload as Record<string, unknown>,
    remoteAddress: nextAddress(),
    headers: { 'accept-language': lang },
  });

/** Fixes the case, moves past the delay and runs the jobs: the survey's token. */
async function surveyed(o: Org, id: string): Promise<string> {
  await setStatus(o, id, 'fixed');
  ctx.clock.advance(3 * HOUR);
  await ctx.drainJobs(o.org.id);
  const [mail] = await surveyMails(id);
  expect(mail).toBeDefined();
  return tokenOf(linksOf(mail!.text_body)[0]!);
}

describe('sending', () => {
  it('sends one survey after the delay, in the customer language, with working score links', async () => {
    ctx.clock.set(FIRST_CONTACT);
    const o = await orgWithChart();
    const id = await newCase(o, { language: 'en' });
    await setStatus(o, id, 'fixed');
    ctx.clock.advance(HOUR);
    await ctx.drainJobs(o.org.id);
    expect(await surveyMails(id)).toHaveLength(0);
    ctx.clock.advance(HOUR + 1000);
    await ctx.drainJobs(o.org.id);
    const mails = await surveyMails(id);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Satisfaction survey');
    expect(mails[0]!.to_address).toBe('lan@example.vn');
    const links = linksOf(mails[0]!.text_body);
    expect(links.filter((l) => l.includes('score='))).toHaveLength(5);
    expect(links.some((l) => l.includes('unsubscribe=1'))).toBe(true);
    // The copy staff can read keeps no working link: nobody answers for the customer.
    expect(linksOf(mails[0]!.stored)).toEqual([]);
    const mailbox = (await o.agent.get(`/api/mailbox?complaintId=${id}`)).json();
    expect(JSON.stringify(mailbox)).not.toContain(tokenOf(links[0]!));

    // Opening a link records nothing: a mail scanner fetching it does not vote.
    const token = tokenOf(links[0]!);
    const page = await publicGet(`/api/public/surveys/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ status: 'open', csat: null, language: 'en' });

    // Closing the same fixed case sends no second survey.
    await setStatus(o, id, 'closed');
    ctx.clock.advance(5 * HOUR);
    await ctx.drainJobs(o.org.id);
    expect(await surveyMails(id)).toHaveLength(1);
  });

  it('a reopened and re-fixed case gets a new survey; the old one no longer answers', async () => {
    ctx.clock.set(FIRST_CONTACT);
    const o = await orgWithChart();
    const id = await newCase(o);
    const first = await surveyed(o, id);
    await setStatus(o, id, 'in_progress');
    expect((await publicGet(`/api/public/surveys/${first}`)).statusCode).toBe(404);
    ctx.clock.advance(HOUR);
    await setStatus(o, id, 'fixed');
    ctx.clock.advance(3 * HOUR);
    await ctx.drainJobs(o.org.id);
    expect(await surveyMails(id)).toHaveLength(2);
    const list = (await o.agent.get(`/api/complaints/${id}/surveys`)).json().items;
    expect(list.map((s: { status: string }) => s.status).sort()).toEqual(['cancelled', 'sent']);
  });

  it('a reopen before the send time cancels the scheduled survey', async () => {
    ctx.clock.set(FIRST_CONTACT);
    const o = await orgWithChart();
    const id = await newCase(o);
    await setStatus(o, id, 'fixed');
    await setStatus(o, id, 'in_progress');
    ctx.clock.advance(3 * HOUR);
    await ctx.drainJobs(o.org.id);
    expect(await surveyMails(id)).toHaveLength(0);
  });

  it('an opted-out customer gets none; staff see and toggle the flag', async () => {
    ctx.clock.set(FIRST_CONTACT);
    const o = await orgWithChart();
    const id = await newCase(o);
    const detail = (await o.agent.get(`/api/complaints/${id}`)).json();
    const customerId = (detail.customer?.id ?? detail.complaint?.customerId) as string;
    expect(customerId).toBeTruthy();
    const put = await o.agent.request('PUT', `/api/customers/${customerId}/survey-opt-out`, {
      surveyOptOut: true,
    });
    expect(put.statusCode).toBe(200);
    expect((await o.agent.get(`/api/customers/${customerId}/survey-opt-out`)).json()).toEqual({
      surveyOptOut: true,
    });
    await setStatus(o, id, 'fixed');
    ctx.clock.advance(3 * HOUR);
    await ctx.drainJobs(o.org.id);
    expect(await surveyMails(id)).toHaveLength(0);
    const [survey] = (await o.agent.get(`/api/complaints/${id}/surveys`)).json().items;
    expect(survey).toMatchObject({ status: 'skipped', skipReason: 'opted_out' });
  });

  it('the unsubscribe link opts the customer out of later surveys', async () => {
    ctx.clock.set(FIRST_CONTACT);
    const o = await orgWithChart();
    const id = await newCase(o);
    const token = await surveyed(o, id);
    const r = await publicPost(`/api/public/surveys/${token}/opt-out`);
    expect(r.statusCode).toBe(200);
    expect(r.json().isOptedOut).toBe(true);
    const second = await newCase(o);
    await setStatus(o, second, 'fixed');
    ctx.clock.advance(3 * HOUR);
    await ctx.drainJobs(o.org.id);
    expect(await surveyMails(second)).toHaveLength(0);
  });

  it('after verification: waits while the call-back is due, sends once it is recorded', async () => {
    ctx.clock.set(FIRST_CONTACT);
    const o = await orgWithChart();
    const saved = await o.admin.request('PUT', '/api/survey-settings', {
      isEnabled: true,
      timing: 'after_verification',
      delayHours: 1,
      askCes: false,
      askNps: false,
      question: {},
    });
    expect(saved.statusCode).toBe(200);
    const id = await newCase(o);
    await setStatus(o, id, 'fixed');
    ctx.clock.advance(2 * HOUR);
    await ctx.drainJobs(o.org.id);
    expect(await surveyMails(id)).toHaveLength(0);
    const tasks = (await o.agent.get(`/api/complaints/${id}/follow-ups`)).json().items as {
      id: string;
      kind: string;
    }[];
    const call = tasks.find((t) => t.kind === 'verification')!;
    const recorded = await o.agent.post(`/api/follow-ups/${call.id}/verification`, {
      outcome: 'works',
    });
    expect(recorded.statusCode).toBe(200);
    ctx.clock.advance(2 * HOUR);
    await ctx.drainJobs(o.org.id);
    expect(await surveyMails(id)).toHaveLength(1);
  });
});

describe('answering', () => {
  it('records the score with agent, department, reason, channel and first contact in the org zone', async () => {
    ctx.clock.set(FIRST_CONTACT);
    const o = await orgWithChart();
    const id = await newCase(o);
    const token = await surveyed(o, id);
    const [mail] = await surveyMails(id);
    expect(mail!.subject).toContain('Khảo sát hài lòng');
    const r = await publicPost(`/api/public/surveys/${token}`, { csat: 4, comment: 'Tốt' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'answered', csat: 4, comment: 'Tốt' });
    const row = await ctx.db
      .selectFrom('surveys')
      .selectAll()
      .where('org_id', '=', o.org.id)
      .where('complaint_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'answered',
      csat: 4,
      agent_id: o.users.agent.id,
      department_id: o.departmentId,
      reason_id: o.reasons[0]!.id,
      channel: 'phone',
      first_contact_hour: 16,
      first_contact_weekday: 1,
    });
    expect(row.first_contact_at.toISOString()).toBe(FIRST_CONTACT.toISOString());
    const timeline = (await o.agent.get(`/api/complaints/${id}/timeline`)).json();
    const items = (timeline.items ?? timeline.events ?? timeline) as { type: string }[];
    expect(items.some((e) => e.type === 'survey.answered')).toBe(true);

    // A second submit is refused, the first answer stands.
    const again = await publicPost(`/api/public/surveys/${token}`, { csat: 1 }, 'en');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('already been answered');
    expect((await publicGet(`/api/public/surveys/${token}`)).json().csat).toBe(4);
  });

  it('tells the webhooks that listen: survey.answered with the scores and the case', async () => {
    ctx.clock.set(FIRST_CONTACT);
    const receiver = await startReceiver();
    try {
      const o = await orgWithChart();
      const hook = await o.admin.post('/api/webhooks', {
        url: receiver.url,
        events: ['survey.answered'],
        allowPrivate: true,
      });
      expect(hook.statusCode, hook.body).toBe(201);
      const id = await newCase(o);
      const token = await surveyed(o, id);
      const r = await publicPost(`/api/public/surveys/${token}`, { csat: 2, comment: 'Chậm quá' });
      expect(r.statusCode, r.body).toBe(200);
      await ctx.drainJobs(o.org.id);
      const got = receiver.received.map((x) => JSON.parse(x.body));
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({
        type: 'survey.answered',
        orgId: o.org.id,
        data: {
          complaint: { id },
          survey: { csat: 2, comment: 'Chậm quá', ces: null, nps: null },
        },
      });
      expect(got[0].data.survey.id).toEqual(expect.any(String));
    } finally {
      await receiver.close();
    }
  });

  it('bad and forged tokens answer 404', async () => {
    ctx.clock.set(FIRST_CONTACT);
    const o = await orgWithChart();
    const id = await newCase(o);
    const token = await surveyed(o, id);
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const t of [forged, 'nope', `${token}x`, '0'.repeat(64)]) {
      expect((await publicGet(`/api/public/surveys/${t}`)).statusCode).toBe(404);
      expect((await publicPost(`/api/public/surveys/${t}`, { csat: 5 })).statusCode).toBe(404);
    }
  });

  it('CES and NPS out of range are refused, naming the field in the reader language', async () => {
    ctx.clock.set(FIRST_CONTACT);
    const o = await orgWithChart();
    await o.admin.request('PUT', '/api/survey-settings', {
      isEnabled: true,
      timing: 'after_fix',
      delayHours: 2,
      askCes: true,
      askNps: true,
      question: { vi: 'Chúng tôi nên cải thiện gì?', en: 'What should we improve?' },
    });
    const id = await newCase(o);
    const token = await surveyed(o, id);
    const page = (await publicGet(`/api/public/surveys/${token}`)).json();
    expect(page).toMatchObject({
      askCes: true,
      askNps: true,
      question: 'Chúng tôi nên cải thiện gì?',
    });
    const ces = await publicPost(`/api/public/surveys/${token}`, { csat: 3, ces: 8 }, 'en');
    expect(ces.statusCode).toBe(400);
    expect(ces.json().error.field).toBe('ces');
    expect(ces.json().error.message).toContain('Effort');
    const nps = await publicPost(`/api/public/surveys/${token}`, { csat: 3, nps: 11 }, 'vi');
    expect(nps.statusCode).toBe(400);
    expect(nps.json().error.message).toContain('Khả năng giới thiệu');
    const zh = await publicPost(`/api/public/surveys/${token}`, { csat: 0 }, 'zh');
    expect(zh.json().error.message).toContain('满意度');
    const ok = await publicPost(`/api/public/surveys/${token}`, {
      csat: 3,
      ces: 7,
      nps: 0,
      questionAnswer: 'Nhanh hơn',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ces: 7, nps: 0, questionAnswer: 'Nhanh hơn' });
  });

  it('a low score makes the manager a follow-up with a due time', async () => {
    ctx.clock.set(FIRST_CONTACT);
    const o = await orgWithChart();
    const id = await newCase(o);
    const token = await surveyed(o, id);
    const answeredAt = ctx.clock.now();
    expect((await publicPost(`/api/public/surveys/${token}`, { csat: 2 })).statusCode).toBe(200);
    const tasks = (await o.manager.get(`/api/complaints/${id}/follow-ups`)).json().items as {
      kind: string;
      assigneeId: string;
      dueAt: string;
      status: string;
    }[];
    const low = tasks.find((t) => t.kind === 'low_score');
    expect(low).toMatchObject({ assigneeId: o.users.manager.id, status: 'due' });
    expect(new Date(low!.dueAt).getTime()).toBe(answeredAt.getTime() + 24 * HOUR);
  });

  it('with no manager in the org chart, the low score goes to the org fallback', async () => {
    ctx.clock.set(FIRST_CONTACT);
    const t = await createTestOrg(ctx);
    const admin = await signIn(ctx, t.users.admin.email);
    const agent = await signIn(ctx, t.users.agent.email);
    const settings = (await admin.get('/api/follow-up-settings')).json();
    const saved = await admin.request('PUT', '/api/follow-up-settings', {
      ...settings,
      fallbackUserId: t.users.quality.id,
    });
    expect(saved.statusCode).toBe(200);
    const o = { ...t, admin, agent, manager: admin, departmentId: '' };
    const id = await newCase(o);
    const token = await surveyed(o, id);
    expect((await publicPost(`/api/public/surveys/${token}`, { csat: 1 })).statusCode).toBe(200);
    const tasks = (await admin.get(`/api/complaints/${id}/follow-ups`)).json().items as {
      kind: string;
      assigneeId: string | null;
    }[];
    expect(tasks.find((x) => x.kind === 'low_score')?.assigneeId).toBe(t.users.quality.id);
  });

  it('the portal shows the open survey and takes the answer through the tracking link', async () => {
    ctx.clock.set(FIRST_CONTACT);
    const o = await orgWithChart();
    const created = (await o.agent.post('/api/complaints', sampleComplaint())).json();
    const id = created.complaint.id as string;
    const trackingToken = /\/track\/([^/?#]+)/.exec(
      (created.complaint.trackingUrl ?? created.trackingUrl) as string,
    )![1]!;
    expect((await publicGet(`/api/portal/${trackingToken}/survey`)).json()).toEqual({
      survey: null,
    });
    await surveyed(o, id);
    const shown = (await publicGet(`/api/portal/${trackingToken}/survey`)).json();
    expect(shown.survey).toMatchObject({ status: 'open' });
    const r = await publicPost(`/api/portal/${trackingToken}/survey`, { csat: 5 });
    expect(r.statusCode).toBe(200);
    expect(r.json().survey).toMatchObject({ status: 'answered', csat: 5 });
  });

  it('naughty strings in the comment: no 5xx, stored exactly', async () => {
    ctx.clock.set(FIRST_CONTACT);
    const o = await orgWithChart();
    const strings: string[] = JSON.parse(
      fs.readFileSync(
        path.resolve(import.meta.dirname, 'fixtures/naughty-strings/blns.json'),
        'utf8',
      ),
    );
    // Each string answers its own survey; a sample keeps the file quick.
    const sample = strings.filter((s) => s.trim() !== '').filter((_, i) => i % 25 === 0);
    for (const comment of sample) {
      const id = await newCase(o);
      const token = await surveyed(o, id);
      const r = await publicPost(`/api/public/surveys/${token}`, { csat: 3, comment });
      expect(r.statusCode, comment).toBeLessThan(500);
      if (r.statusCode === 200) {
        const row = await ctx.db
          .selectFrom('surveys')
          .select('comment')
          .where('org_id', '=', o.org.id)
          .where('complaint_id', '=', id)
          .executeTakeFirstOrThrow();
        expect(row.comment).toBe(comment);
      }
    }
  });
});

describe('report and access', () => {
  it('figures over surveys sent, with their definitions', async () => {
    ctx.clock.set(FIRST_CONTACT);
    const o = await orgWithChart();
    const scores = [5, 4, 2, null];
    for (const csat of scores) {
      const id = await newCase(o);
      const token = await surveyed(o, id);
      if (csat !== null) await publicPost(`/api/public/surveys/${token}`, { csat });
    }
    const r = await o.manager.get('/api/reports/surveys?from=2026-03-01&to=2026-03-31');
    expect(r.statusCode).toBe(200);
    const report = r.json();
    expect(report).toMatchObject({ sent: 4, answered: 3, responseRate: 0.75 });
    expect(report.csatMean).toBeCloseTo(11 / 3);
    expect(report.satisfiedShare).toBeCloseTo(2 / 3);
    expect(report.definitions.responseRate).toContain('đã gửi');
  });

  it('another org sees 404; settings need survey:admin and are audited', async () => {
    ctx.clock.set(FIRST_CONTACT);
    const o = await orgWithChart();
    const other = await orgWithChart();
    const id = await newCase(o);
    expect((await other.agent.get(`/api/complaints/${id}/surveys`)).statusCode).toBe(404);
    const body = {
      isEnabled: true,
      timing: 'after_fix',
      delayHours: 4,
      askCes: true,
      askNps: false,
      question: {},
    };
    expect((await o.agent.request('PUT', '/api/survey-settings', body)).statusCode).toBe(403);
    expect((await o.admin.request('PUT', '/api/survey-settings', body)).json()).toMatchObject({
      delayHours: 4,
      askCes: true,
    });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', o.org.id)
      .where('action', '=', 'survey_settings.updated')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
