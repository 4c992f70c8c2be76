import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  nextAddress,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

// What the customer is told, in their language and the calendar's zone: a concrete time, never
// "as soon as possible", and the frame (reference, due, link) whoever wrote the words.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

// Friday 6 March 2026, 16:30 in Hồ Chí Minh City (UTC+7). The default policy answers first in
// 4 business hours on an 8:00–12:00, 13:00–17:00 calendar: 30 minutes on Friday, then 3½ hours
// on Monday: 11:30 on Monday 9 March (04:30Z).
const FRIDAY_1630_HCMC = new Date('2026-03-06T09:30:00Z');
const MONDAY_1130_HCMC = '2026-03-09T04:30:00.000Z';

const mailsOf = async (complaintId: string, kind: string) =>
  ctx.db
    .selectFrom('outgoing_messages')
    .select(['subject', 'text_body'])
    .where('complaint_id', '=', complaintId)
    .where('kind', '=', kind)
    .orderBy('created_at')
    .execute();

const fileFromPublicForm = async (slug: string, language: string, name: string) => {
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/api/public/orgs/${slug}/complaints`,
    remoteAddress: nextAddress(),
    payload: {
      name,
      email: `${language}@example.vn`,
      description: 'Đơn hàng giao trễ',
      language,
    },
  });
  expect(response.statusCode).toBe(201);
  const { reference, trackingUrl } = response.json() as { reference: string; trackingUrl: string };
  const row = await ctx.db
    .selectFrom('complaints')
    .innerJoin('orgs', 'orgs.id', 'complaints.org_id')
    .select('complaints.id')
    .where('orgs.slug', '=', slug)
    .where('complaints.reference', '=', reference)
    .executeTakeFirstOrThrow();
  return { id: row.id, reference, trackingUrl };
};

describe('step 1: the thank-you states when the customer will hear from us', () => {
  it.each([
    [
      'vi',
      'Nhân viên chăm sóc khách hàng sẽ liên hệ lại với anh/chị để làm rõ thông tin trước 11:30 (UTC+7), Thứ Hai 09/03/2026.',
    ],
    [
      'en',
      'A member of our customer care team will contact you to go through the details by 11:30 (UTC+7), Monday 9 March 2026.',
    ],
    ['zh', '客服专员将在2026年3月9日 星期一 11:30（UTC+7）之前与您联系，核实相关情况。'],
  ])('in %s: the exact first-response due, Friday 16:30 → Monday 11:30', async (lang, line) => {
    ctx.clock.set(FRIDAY_1630_HCMC);
    const { org, users } = await createTestOrg(ctx);
    const filed = await fileFromPublicForm(org.slug, lang, 'Trần Văn Minh');
    // The mail says what the clock says.
    const agent = await signIn(ctx, users.agent.email);
    const clocks = (await agent.get(`/api/complaints/${filed.id}/clocks`)).json();
    expect(clocks.clocks.find((c: { clock: string }) => c.clock === 'first_response').dueAt).toBe(
      MONDAY_1130_HCMC,
    );
    const [mail] = await mailsOf(filed.id, 'acknowledgement');
    expect(mail!.subject.startsWith(`[${filed.reference}]`)).toBe(true);
    expect(mail!.text_body).toContain(line);
    expect(mail!.text_body).toContain(filed.trackingUrl);
    expect(mail!.text_body).toContain(filed.reference);
    expect(mail!.text_body).not.toMatch(/sớm nhất|shortly|as soon as|尽快|\{\{/);
    // Thanks first, then the facts.
    expect(mail!.text_body.indexOf(line)).toBeGreaterThan(
      mail!.text_body.search(/cảm ơn|Thank you|感谢/),
    );
    // The case page shows what the customer was told, its private link masked.
    const timeline = (await agent.get(`/api/complaints/${filed.id}/timeline`)).json();
    const ack = timeline.events.find((e: { type: string }) => e.type === 'complaint.acknowledged');
    expect(ack.data.subject).toBe(mail!.subject);
    expect(ack.data.body).toContain(line);
    expect(ack.data.body).not.toContain(filed.trackingUrl);
    expect(ack.data.body).toContain(
      filed.trackingUrl.slice(0, filed.trackingUrl.length - 32) + '…',
    );
  });

  it('uses the calendar’s own zone: an org in Shanghai hears 11:30 GMT+8', async () => {
    // 16:30 on Friday in Shanghai (UTC+8) is 08:30Z.
    ctx.clock.set(new Date('2026-03-06T08:30:00Z'));
    const org = await ctx.services.provisioning.provisionOrg({
      slug: `sh-${nextAddress().replaceAll(':', '')}`,
      name: '上海门店',
      timeZone: 'Asia/Shanghai',
    });
    const filed = await fileFromPublicForm(org.slug, 'zh', '王芳');
    const [mail] = await mailsOf(filed.id, 'acknowledgement');
    expect(mail!.text_body).toContain('客服专员将在2026年3月9日 星期一 11:30（UTC+8）之前与您联系');
  });

  it('without a policy says no time at all rather than a vague one', async () => {
    ctx.clock.set(FRIDAY_1630_HCMC);
    const { org } = await createTestOrg(ctx, 'Cửa hàng Không Hạn');
    await ctx.db
      .updateTable('sla_policies')
      .set({ is_active: false })
      .where('org_id', '=', org.id)
      .execute();
    const filed = await fileFromPublicForm(org.slug, 'vi', 'Lê Thị Hoa');
    const [mail] = await mailsOf(filed.id, 'acknowledgement');
    expect(mail!.text_body).toBe(
      [
        'Kính gửi Lê Thị Hoa,',
        '',
        'Cửa hàng Không Hạn chân thành cảm ơn anh/chị đã dành thời gian cho chúng tôi biết sự việc. Ý kiến của anh/chị giúp chúng tôi phục vụ tốt hơn.',
        '',
        `Chúng tôi đã nhận khiếu nại của anh/chị, mã khiếu nại: ${filed.reference}.`,
        '',
        'Anh/chị có thể theo dõi tiến trình xử lý và trao đổi với chúng tôi tại:',
        filed.trackingUrl,
        '',
        'Trân trọng,',
        'Cửa hàng Không Hạn',
      ].join('\n'),
    );
  });

  it('keeps the due in a thank-you an admin rewrote without it', async () => {
    ctx.clock.set(FRIDAY_1630_HCMC);
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const thankVi = (await admin.get('/api/templates'))
      .json()
      .items.find(
        (t: { step: string; language: string }) => t.step === 'thank' && t.language === 'vi',
      );
    const saved = await admin.patch(`/api/templates/${thankVi.id}`, {
      subject: 'Cảm ơn anh/chị',
      body: 'Cảm ơn {{customerName}} đã góp ý.',
    });
    expect(saved.statusCode).toBe(200);
    const filed = await fileFromPublicForm(org.slug, 'vi', 'Phạm Thu');
    const [mail] = await mailsOf(filed.id, 'acknowledgement');
    expect(mail!.subject).toBe(`[${filed.reference}] Cảm ơn anh/chị`);
    expect(mail!.text_body).toBe(
      [
        'Cảm ơn Phạm Thu đã góp ý.',
        '',
        `Mã khiếu nại: ${filed.reference}`,
        'Chúng tôi sẽ phản hồi anh/chị trước 11:30 (UTC+7), Thứ Hai 09/03/2026.',
        `Theo dõi và trao đổi về khiếu nại tại: ${filed.trackingUrl}`,
      ].join('\n'),
    );
  });
});

describe('steps 3 and 4: apologies, updates and re-commitments keep the frame', () => {
  it('offers both apologies, fills the dues, and frames the agent’s own words', async () => {
    ctx.clock.set(FRIDAY_1630_HCMC);
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    ctx.clock.advance(10 * 60_000);

    const suggestions = (
      await agent.get(`/api/complaints/${complaint.id}/suggestions?step=apologise`)
    ).json().suggestions as { name: string; body: string }[];
    expect(new Set(suggestions.map((s) => s.name))).toEqual(
      new Set(['Đồng cảm (không nhận lỗi)', 'Xin lỗi và nhận trách nhiệm']),
    );
    const empathy = suggestions.find((s) => s.name.startsWith('Đồng cảm'))!;
    expect(empathy.body).toContain('chúng tôi rất tiếc');
    expect(empathy.body).not.toMatch(/xin lỗi|sai sót|trách nhiệm/i);
    // No commitment yet: the commitment clock (1 business day from 16:30 Friday) says when the
    // customer will have a fix date; the next update (2 business days) runs from this message.
    expect(empathy.body).toContain(
      'Chúng tôi sẽ báo anh/chị thời hạn khắc phục cụ thể trước 16:30 (UTC+7), Thứ Hai 09/03/2026.',
    );
    expect(empathy.body).toContain(
      'Chúng tôi sẽ cập nhật tiến độ cho anh/chị trước 16:40 (UTC+7), Thứ Ba 10/03/2026.',
    );
    expect(empathy.body).not.toContain('Thời hạn khắc phục chúng tôi đã cam kết');

    // The agent writes their own apology, with no subject, reference or link.
    const sent = await agent.post(`/api/complaints/${complaint.id}/messages`, {
      step: 'apologise',
      body: 'Chúng tôi rất tiếc về việc giao trễ.',
    });
    expect(sent.statusCode).toBe(200);
    const [apology] = await mailsOf(complaint.id, 'message');
    expect(apology!.subject).toBe(`[${complaint.reference}]`);
    const link = apology!.text_body.match(/https?:\/\/\S+\/track\/[\w-]+/)![0];
    expect(apology!.text_body).toBe(
      [
        'Chúng tôi rất tiếc về việc giao trễ.',
        '',
        `Mã khiếu nại: ${complaint.reference}`,
        'Chúng tôi sẽ báo anh/chị thời hạn khắc phục cụ thể trước 16:30 (UTC+7), Thứ Hai 09/03/2026.',
        `Theo dõi và trao đổi về khiếu nại tại: ${link}`,
      ].join('\n'),
    );
    // The link is a fresh, working one.
    const token = link.split('/track/')[1]!;
    expect((await ctx.app.inject({ url: `/api/portal/${token}` })).statusCode).toBe(200);
    // What staff see of it hides the link's secret.
    const timeline = (await agent.get(`/api/complaints/${complaint.id}/timeline`)).json().events;
    const event = timeline.find((e: { type: string }) => e.type === 'message.sent');
    expect(event.data.body).toContain('Mã khiếu nại');
    expect(event.data.body).not.toContain(token);

    // After a commitment, an update states the committed fix date, and a suggested text's
    // placeholder link becomes a real one.
    const dueAt = '2026-03-11T10:00:00.000Z';
    ctx.clock.advance(60_000);
    await agent.post(`/api/complaints/${complaint.id}/commitments`, { dueAt });
    ctx.clock.advance(60_000);
    const update = (
      await agent.get(`/api/complaints/${complaint.id}/suggestions?step=update`)
    ).json().suggestions[0];
    expect(update.body).toContain(
      'Thời hạn khắc phục chúng tôi đã cam kết: 17:00 (UTC+7), Thứ Tư 11/03/2026.',
    );
    expect(update.body).not.toContain('thời hạn khắc phục cụ thể trước');
    expect(update.body).toContain('http://ombud.test/track/…');
    await agent.post(`/api/complaints/${complaint.id}/messages`, {
      step: 'other',
      subject: update.subject,
      body: update.body,
    });
    // The apology, the commitment's own mail, then the update.
    const [, , second] = await mailsOf(complaint.id, 'message');
    expect(second!.subject).toBe(update.subject);
    expect(second!.text_body).not.toContain('/track/…');
    expect(second!.text_body).toMatch(/\/track\/[0-9a-f]{32}[\w-]{32}/);
    // Nothing was added: the template already carried the frame.
    expect(second!.text_body.split('\n').at(-1)).toBe(`${users.agent.name} – Công ty Thử nghiệm`);
  });

  it('keeps the link and the reference in a read-back whose template dropped them', async () => {
    ctx.clock.set(FRIDAY_1630_HCMC);
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const readbackVi = (await admin.get('/api/templates'))
      .json()
      .items.find(
        (t: { step: string; language: string }) => t.step === 'readback' && t.language === 'vi',
      );
    await admin.patch(`/api/templates/${readbackVi.id}`, {
      subject: 'Xác nhận thông tin',
      body: '{{readBack}}',
    });
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    await agent.post(`/api/complaints/${complaint.id}/facts`, {
      whatHappened: 'Giao trễ 5 ngày',
      askText: 'Hoàn phí vận chuyển',
    });
    await agent.post(`/api/complaints/${complaint.id}/readback/send`, { version: 1 });
    const [mail] = await mailsOf(complaint.id, 'readback');
    expect(mail!.subject).toBe(`[${complaint.reference}] Xác nhận thông tin`);
    expect(mail!.text_body).toContain('Giao trễ 5 ngày');
    expect(mail!.text_body).toMatch(
      /Theo dõi và trao đổi về khiếu nại tại: http:\/\/ombud\.test\/track\/[0-9a-f]{32}[\w-]{32}$/,
    );
  });

  it.each([
    ['vi', /xin lỗi|rất tiếc/i],
    ['en', /sorry|apolog/i],
    ['zh', /歉|遗憾/],
  ])('does not apologise in %s for moving a commitment earlier', async (lang, apology) => {
    ctx.clock.set(FRIDAY_1630_HCMC);
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (
      await agent.post('/api/complaints', sampleComplaint({ language: lang }))
    ).json();
    await agent.post(`/api/complaints/${complaint.id}/commitments`, {
      dueAt: '2026-03-13T10:00:00.000Z',
    });
    ctx.clock.advance(60_000);
    await agent.post(`/api/complaints/${complaint.id}/commitments`, {
      dueAt: '2026-03-12T10:00:00.000Z',
      reason: 'Kho có hàng sớm',
    });
    ctx.clock.advance(60_000);
    await agent.post(`/api/complaints/${complaint.id}/commitments`, {
      dueAt: '2026-03-16T10:00:00.000Z',
      reason: 'Nhà cung cấp giao trễ',
    });
    const [first, earlier, later] = await mailsOf(complaint.id, 'message');
    expect(first!.text_body).not.toMatch(apology);
    expect(earlier!.text_body).not.toMatch(apology);
    // Only a later date is apologised for.
    expect(later!.text_body).toMatch(apology);
  });
});

describe('step 5: a fixed case has nothing left to promise', () => {
  it('refuses a commitment on a fixed case, naming the field, and takes one again once reopened', async () => {
    ctx.clock.set(FRIDAY_1630_HCMC);
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    await agent.post(`/api/complaints/${complaint.id}/commitments`, {
      dueAt: '2026-03-11T10:00:00.000Z',
    });
    await agent.post(`/api/complaints/${complaint.id}/status`, { status: 'fixed' });
    const refused = await agent.post(`/api/complaints/${complaint.id}/commitments`, {
      dueAt: '2026-03-12T10:00:00.000Z',
      reason: 'Khách muốn đổi ngày',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      field: 'dueAt',
      message:
        'Hồ sơ đã khắc phục hoặc đã đóng nên không cam kết thời hạn nữa; hãy mở lại hồ sơ nếu khách hàng báo vấn đề vẫn còn.',
    });
    await agent.post(`/api/complaints/${complaint.id}/status`, { status: 'in_progress' });
    const again = await agent.post(`/api/complaints/${complaint.id}/commitments`, {
      dueAt: '2026-03-12T10:00:00.000Z',
      reason: 'Khắc phục chưa đạt, làm lại',
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().commitments).toHaveLength(2);
  });
});
