import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  nextAddress,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

// Issue 8: the clock and the ledger agree when the case waits for the customer.

const MONDAY_9 = new Date('2026-03-02T02:00:00Z'); // 09:00 in Hà Nội
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: MONDAY_9 });
});
afterAll(async () => ctx.close());

const hours = (n: number) => n * 3_600_000;

async function committedCase(options: { pauseMovesCommitment?: boolean } = {}) {
  ctx.clock.set(MONDAY_9);
  const { org, users } = await createTestOrg(ctx);
  const agent = await signIn(ctx, users.agent.email);
  if (options.pauseMovesCommitment === false) {
    const admin = await signIn(ctx, users.admin.email);
    for (const policy of (await admin.get('/api/sla-policies')).json().items) {
      const { id, ...input } = policy;
      await admin.request('PUT', `/api/sla-policies/${id}`, {
        ...input,
        pauseMovesCommitment: false,
      });
    }
  }
  const created = (await agent.post('/api/complaints', sampleComplaint())).json();
  const id = created.complaint.id as string;
  const token = created.complaint.trackingUrl.split('/track/')[1] as string;
  // The promise: Wednesday 17:00 (10:00Z).
  const due = '2026-03-04T10:00:00.000Z';
  await agent.post(`/api/complaints/${id}/commitments`, { dueAt: due });
  await agent.post(`/api/complaints/${id}/facts`, {
    whatHappened: 'Giao trễ',
    askText: 'Giao ngay',
  });
  await ctx.drainJobs(org.id);
  return { org, agent, id, token, due };
}

const portal = (token: string, path: string, payload: Record<string, unknown>) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/portal/${token}${path}`,
    remoteAddress: nextAddress(),
    payload,
  });

describe('a pause and the committed due', () => {
  it('re-commits to the moved due and tells the customer; the ledger and the clock agree', async () => {
    const { org, agent, id, token, due } = await committedCase();
    // The read-back goes out at 10:00 Monday; the customer confirms two business hours later.
    ctx.clock.advance(hours(1));
    await agent.post(`/api/complaints/${id}/readback/send`, { version: 1 });
    ctx.clock.advance(hours(3)); // 14:00, across the lunch break: 2 business hours of waiting
    expect((await portal(token, '/readback/confirm', { version: 1 })).statusCode).toBe(200);
    await ctx.drainJobs(org.id);

    const clocks = (await agent.get(`/api/complaints/${id}/clocks`)).json();
    const fix = clocks.clocks.find((c: { clock: string }) => c.clock === 'fix');
    const ledger = (await agent.get(`/api/complaints/${id}/commitments`)).json();
    const latest = ledger.commitments.at(-1);
    // Two business hours on from Wednesday 17:00: Thursday 10:00 (03:00Z).
    expect(latest).toMatchObject({
      sequence: 2,
      dueAt: '2026-03-05T03:00:00.000Z',
      committedByName: null,
    });
    expect(latest.reason).toBe('chờ phản hồi của anh/chị');
    expect(fix.dueAt).toBe(latest.dueAt);
    expect(ledger.promises).toEqual([
      expect.objectContaining({
        firstDueAt: due,
        dueInForce: latest.dueAt,
        outcome: 'open',
        recommittedInTime: 1,
      }),
    ]);
    const mail = (await agent.get(`/api/mailbox?complaintId=${id}`)).json().items;
    const told = mail.find((m: { text: string }) => m.text.includes('chờ phản hồi'));
    expect(told?.text).toContain('10:00');

    // Fixed Thursday 09:30: after the first due, before the moved one.
    ctx.clock.set(new Date('2026-03-05T02:30:00Z'));
    await agent.post(`/api/complaints/${id}/status`, { status: 'fixed' });
    const after = (await agent.get(`/api/complaints/${id}/commitments`)).json();
    expect(after.promises[0]).toMatchObject({ outcome: 'recommitted', dueInForceResult: 'met' });
    const fixClock = (await agent.get(`/api/complaints/${id}/clocks`))
      .json()
      .clocks.find((c: { clock: string }) => c.clock === 'fix');
    expect(fixClock.state).toBe('met');
  });

  it('leaves the due where the customer was told it is when the policy says pauses do not move it', async () => {
    const { org, agent, id, token, due } = await committedCase({ pauseMovesCommitment: false });
    ctx.clock.advance(hours(1));
    await agent.post(`/api/complaints/${id}/readback/send`, { version: 1 });
    ctx.clock.advance(hours(3));
    await portal(token, '/readback/confirm', { version: 1 });
    await ctx.drainJobs(org.id);
    const ledger = (await agent.get(`/api/complaints/${id}/commitments`)).json();
    expect(ledger.commitments).toHaveLength(1);
    const fix = (await agent.get(`/api/complaints/${id}/clocks`))
      .json()
      .clocks.find((c: { clock: string }) => c.clock === 'fix');
    expect(fix.dueAt).toBe(due);
    // Fixed after the due: broken on the ledger, breached on the clock.
    ctx.clock.set(new Date('2026-03-05T02:30:00Z'));
    await agent.post(`/api/complaints/${id}/status`, { status: 'fixed' });
    const after = (await agent.get(`/api/complaints/${id}/commitments`)).json();
    expect(after.promises[0]).toMatchObject({ outcome: 'broken' });
    const fixClock = (await agent.get(`/api/complaints/${id}/clocks`))
      .json()
      .clocks.find((c: { clock: string }) => c.clock === 'fix');
    expect(fixClock.state).toBe('breached');
  });

  it('does not pause on the read-back when the policy says so', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    for (const policy of (await admin.get('/api/sla-policies')).json().items) {
      const { id, ...input } = policy;
      await admin.request('PUT', `/api/sla-policies/${id}`, { ...input, pauseOnReadBack: false });
    }
    await ctx.drainJobs(org.id);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    await agent.post(`/api/complaints/${complaint.id}/facts`, { whatHappened: 'x', askText: 'y' });
    const sent = (
      await agent.post(`/api/complaints/${complaint.id}/readback/send`, { version: 1 })
    ).json();
    expect(sent.complaint.status).toBe('in_progress');
  });

  it('keeps the standard frame around an agent’s own words, and does not apologise for an earlier date', async () => {
    ctx.clock.set(MONDAY_9);
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    await agent.post(`/api/complaints/${complaint.id}/commitments`, {
      dueAt: '2026-03-06T10:00:00Z',
      message: 'Kỹ thuật viên sẽ gọi cho chị trước khi đến.',
    });
    ctx.clock.advance(60_000);
    await agent.post(`/api/complaints/${complaint.id}/commitments`, {
      dueAt: '2026-03-04T10:00:00Z',
      reason: 'Có hàng sớm',
    });
    const mail = (await agent.get(`/api/mailbox?complaintId=${complaint.id}`)).json().items;
    const [earlier, first] = mail.filter((m: { subject: string }) =>
      m.subject.includes('Thời hạn'),
    );
    expect(first.subject).toContain(`[${complaint.reference}]`);
    expect(first.text).toContain('Kỹ thuật viên sẽ gọi cho chị trước khi đến.');
    expect(first.text).toContain('/track/');
    expect(first.text).toMatch(/06\/03\/2026|6 tháng 3/);
    expect(earlier.text).not.toContain('xin lỗi');
    expect(earlier.text).toContain('sớm hơn');
  });
});
