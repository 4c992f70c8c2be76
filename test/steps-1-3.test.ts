import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: new Date('2026-03-02T02:00:00Z') });
});
afterAll(async () => ctx.close());

const tokenOf = (url: string) => url.split('/track/')[1]!;
const portal = (
  token: string,
  method: 'GET' | 'POST' = 'GET',
  path = '',
  payload?: Record<string, unknown>,
) =>
  ctx.app.inject({ method, url: `/api/portal/${token}${path}`, ...(payload ? { payload } : {}) });

describe('steps 1–3: thank, clarify and read back, apologise', () => {
  it('walks a complaint from intake to the customer confirming the facts and the apology', async () => {
    const { org, users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const created = (await agent.post('/api/complaints', sampleComplaint())).json();
    const id = created.complaint.id;
    const token = tokenOf(created.complaint.trackingUrl);

    // Step 2: structured facts, version 1.
    ctx.clock.advance(5 * 60_000);
    const facts = {
      whatHappened: 'Đơn DH-0001 hẹn giao 25/02 nhưng đến 02/03 chưa nhận',
      occurredAt: '2026-02-25T03:00:00Z',
      orderRef: 'DH-0001',
      askText: 'Giao ngay và hoàn phí vận chuyển',
      askAmount: 30000,
      askCurrency: 'VND',
    };
    const v1 = (await agent.post(`/api/complaints/${id}/facts`, facts)).json();
    expect(v1.complaint.status).toBe('in_progress');
    expect(v1.facts.current.version).toBe(1);
    expect(v1.facts.current.readBack).toContain('Sự việc: Đơn DH-0001');
    expect(v1.facts.current.readBack).toContain('Thời điểm: 10:00, Thứ Tư 25/02/2026');
    expect(v1.facts.current.readBack).toMatch(/30\.000\s?₫/);

    // The portal shows nothing to confirm until the read-back is sent.
    expect((await portal(token)).json().readBack).toBeNull();

    const sent = (await agent.post(`/api/complaints/${id}/readback/send`, { version: 1 })).json();
    expect(sent.complaint.status).toBe('waiting_customer');
    expect(sent.facts.current.sentAt).not.toBeNull();
    const mails = (await agent.get(`/api/mailbox?complaintId=${id}`)).json().items;
    const readbackMail = mails.find((m: { kind: string }) => m.kind === 'readback');
    expect(readbackMail.text).toContain('Sự việc: Đơn DH-0001');
    // Staff see the read-back mail's link masked; the mail itself (still queued) carries it.
    expect(readbackMail.text).not.toMatch(/\/track\/[0-9a-f]{32}[\w-]{32}/);
    const raw = await ctx.db
      .selectFrom('outgoing_messages')
      .select('text_body')
      .where('id', '=', readbackMail.id)
      .executeTakeFirstOrThrow();
    const mailToken = raw.text_body.match(/\/track\/([\w-]+)/)![1]!;
    // Both the link from the thank-you and the one from the read-back open the portal.
    expect((await portal(mailToken)).statusCode).toBe(200);

    const shown = (await portal(token)).json();
    expect(shown.readBack).toMatchObject({ version: 1, confirmedAt: null });
    expect(shown.readBack.text).toContain('Giao ngay và hoàn phí vận chuyển');

    // The customer confirms in the portal.
    ctx.clock.advance(10 * 60_000);
    const confirmed = await portal(token, 'POST', '/readback/confirm', { version: 1 });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().readBack.confirmedAt).not.toBeNull();
    expect(confirmed.json().status).toBe('in_progress');

    const afterConfirm = (await agent.get(`/api/complaints/${id}`)).json();
    expect(afterConfirm.facts.confirmed).toMatchObject({
      version: 1,
      confirmation: { via: 'portal', method: 'portal' },
    });
    expect(afterConfirm.steps.find((s: { step: string }) => s.step === 'clarify').state).toBe(
      'done',
    );

    // An edit after confirmation is a new version; the confirmed one stays.
    const v2 = (
      await agent.post(`/api/complaints/${id}/facts`, { ...facts, askText: 'Chỉ cần giao ngay' })
    ).json();
    expect(v2.facts.current.version).toBe(2);
    expect(v2.facts.confirmed.version).toBe(1);
    expect(v2.facts.confirmed.askText).toBe('Giao ngay và hoàn phí vận chuyển');
    expect(v2.facts.versions).toHaveLength(2);
    // An old version cannot be confirmed any more.
    expect((await portal(token, 'POST', '/readback/confirm', { version: 1 })).statusCode).toBe(409);
    expect(
      (
        await agent.post(`/api/complaints/${id}/readback/verbal`, {
          version: 1,
          confirmedBy: 'Lan',
          method: 'phone',
        })
      ).statusCode,
    ).toBe(409);

    // Verbal confirmation of version 2: who confirmed and how.
    const verbal = (
      await agent.post(`/api/complaints/${id}/readback/verbal`, {
        version: 2,
        confirmedBy: 'Chị Lan (chủ tài khoản)',
        method: 'phone',
        note: 'Gọi lúc 10:20',
      })
    ).json();
    expect(verbal.facts.confirmed).toMatchObject({
      version: 2,
      confirmation: { via: 'verbal', by: 'Chị Lan (chủ tài khoản)', method: 'phone' },
    });

    // Step 3: suggestions are rendered templates the agent may edit.
    const suggestions = (await agent.get(`/api/complaints/${id}/suggestions?step=apologise`)).json()
      .suggestions;
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions[0].body).toContain('Nguyễn Thị Lan');
    expect(suggestions[0].body).not.toContain('{{customerName}}');
    const edited = `${suggestions[0].body}\n\nChúng tôi đã hoàn 30.000đ phí vận chuyển.`;
    const apologised = (
      await agent.post(`/api/complaints/${id}/messages`, {
        step: 'apologise',
        subject: suggestions[0].subject,
        body: edited,
      })
    ).json();
    expect(apologised.steps.find((s: { step: string }) => s.step === 'apologise').state).toBe(
      'done',
    );
    const apologyMail = (await agent.get(`/api/mailbox?complaintId=${id}`))
      .json()
      .items.find((m: { kind: string }) => m.kind === 'message');
    // The suggestion's placeholder link became a fresh private link (masked for staff); the rest
    // is the agent's text: it already carried the reference, the due and the link.
    expect(apologyMail.text).toBe(
      edited.replace(
        'http://ombud.test/track/…',
        `http://ombud.test/track/${org.id.replaceAll('-', '')}…`,
      ),
    );

    // An internal note stays off the portal; the customer's reply lands on the timeline.
    await agent.post(`/api/complaints/${id}/notes`, { body: 'Kho Bình Dương xác nhận giao trễ' });
    const reply = await portal(token, 'POST', '/messages', { body: 'Cảm ơn, tôi chờ hàng.' });
    expect(reply.statusCode).toBe(200);
    const timeline = (await agent.get(`/api/complaints/${id}/timeline`)).json().events;
    const types = timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual([
      'complaint.received',
      'complaint.acknowledged',
      'facts.recorded',
      'complaint.status_changed',
      'readback.sent',
      'complaint.status_changed',
      'readback.confirmed',
      'complaint.status_changed',
      'facts.recorded',
      'readback.confirmed',
      'message.sent',
      'note.added',
      'message.received',
    ]);
    const publicTypes = (await portal(token)).json().events.map((e: { type: string }) => e.type);
    expect(publicTypes).not.toContain('note.added');
    expect(publicTypes).not.toContain('facts.recorded');
    expect(publicTypes).toContain('message.received');
  });

  it('refuses status moves that the transition table does not allow', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    const bad = await agent.post(`/api/complaints/${complaint.id}/status`, { status: 'closed' });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.code).toBe('invalid_transition');
    const fixed = (
      await agent.post(`/api/complaints/${complaint.id}/status`, {
        status: 'fixed',
        note: 'Đã giao',
      })
    ).json();
    expect(fixed.complaint.status).toBe('fixed');
    expect(fixed.allowedStatuses).toEqual(['in_progress', 'closed']);
    expect(
      (await agent.post(`/api/complaints/${complaint.id}/status`, { status: 'closed' })).json()
        .complaint.status,
    ).toBe('closed');
  });

  it('keeps the event log append-only in the database', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    await expect(
      ctx.db
        .updateTable('complaint_events')
        .set({ type: 'forged' })
        .where('complaint_id', '=', complaint.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('answers 404 for an unknown or malformed tracking link', async () => {
    expect((await portal('0'.repeat(32) + 'a'.repeat(32))).statusCode).toBe(404);
    expect((await portal('not-a-token')).statusCode).toBe(404);
  });
});
