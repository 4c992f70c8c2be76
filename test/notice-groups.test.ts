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
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

// Monday 2 March 2026, 09:00 in Hồ Chí Minh City (UTC+7).
const MONDAY_9 = new Date('2026-03-02T02:00:00Z');

/** agent → manager (head of CSKH) → admin (head of the company); the manager reads English. */
async function orgWithChart() {
  const t = await createTestOrg(ctx);
  const admin = await signIn(ctx, t.users.admin.email);
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
  await admin.patch(`/api/users/${t.users.agent.id}`, { departmentId: care.id });
  await admin.patch(`/api/users/${t.users.manager.id}`, { departmentId: care.id, locale: 'en' });
  await admin.patch(`/api/users/${t.users.admin.id}`, { departmentId: company.id });
  return t;
}

const noticeMails = async (orgId: string, to: string) =>
  ctx.db
    .selectFrom('outgoing_messages')
    .select(['subject', 'text_body'])
    .where('org_id', '=', orgId)
    .where('kind', '=', 'notice')
    .where('to_address', '=', to)
    .orderBy('created_at')
    .execute();

describe('notices grouped per case and kind', () => {
  it('turns a clock jump that breaches three clocks of a case into one entry and one mail each', async () => {
    ctx.clock.set(MONDAY_9);
    const { org, users } = await orgWithChart();
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();

    // The server was away until Wednesday 17:30: first response (due Monday 14:00), the
    // commitment (Tuesday 09:00) and the next update (Wednesday 09:00) have all breached, and
    // each has escalated twice (at once, and four hours later).
    ctx.clock.set(new Date('2026-03-04T10:30:00Z'));
    await ctx.drainJobs(org.id);
    const stored = await ctx.db
      .selectFrom('notices')
      .select(['user_id', 'kind'])
      .where('org_id', '=', org.id)
      .execute();
    expect(stored).toHaveLength(9);

    const list = (await agent.get('/api/notices')).json();
    expect(list.unread).toBe(1);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      kind: 'sla_breach',
      complaintId: complaint.id,
      count: 3,
      unreadCount: 3,
      readAt: null,
      clocks: ['first_response', 'next_update', 'commitment'],
      createdAt: '2026-03-04T10:30:00.000Z',
    });
    const manager = await signIn(ctx, users.manager.email);
    const managerList = (await manager.get('/api/notices')).json();
    expect(managerList.items).toHaveLength(1);
    expect(managerList.items[0]).toMatchObject({ kind: 'escalation', count: 3 });
    expect(managerList.items[0].data.level).toBe(1);

    // One mail for the owner, in Vietnamese: the case, the customer, the owner and each due.
    const [agentMail, ...moreForAgent] = await noticeMails(org.id, users.agent.email);
    expect(moreForAgent).toEqual([]);
    expect(agentMail!.subject).toBe(
      `[Ombud] ${complaint.reference}: đã quá hạn phản hồi đầu tiên, cập nhật tiếp theo, cam kết thời hạn`,
    );
    expect(agentMail!.text_body).toBe(
      [
        `${complaint.reference}: đã quá hạn phản hồi đầu tiên, cập nhật tiếp theo, cam kết thời hạn`,
        '',
        `Khiếu nại ${complaint.reference} của khách hàng Nguyễn Thị Lan`,
        `Người phụ trách: ${users.agent.name}`,
        'Phản hồi đầu tiên: đến hạn 14:00 (UTC+7), Thứ Hai 02/03/2026',
        'Cập nhật tiếp theo: đến hạn 09:00 (UTC+7), Thứ Tư 04/03/2026',
        'Cam kết thời hạn: đến hạn 09:00 (UTC+7), Thứ Ba 03/03/2026',
        '3 thông báo về hồ sơ này',
        '',
        `Mở hồ sơ: http://ombud.test/complaints/${complaint.id}`,
      ].join('\n'),
    );
    // The manager's, in English, names the agent as the owner.
    const [managerMail, ...moreForManager] = await noticeMails(org.id, users.manager.email);
    expect(moreForManager).toEqual([]);
    expect(managerMail!.subject).toBe(
      `[Ombud] ${complaint.reference}: escalated (level 1): first response, next update, commitment overdue`,
    );
    expect(managerMail!.text_body).toContain(
      `Complaint ${complaint.reference} from Nguyễn Thị Lan\nOwner: ${users.agent.name}\nFirst response due: 14:00 (UTC+7), Monday 2 March 2026`,
    );
    expect(await noticeMails(org.id, users.admin.email)).toHaveLength(1);

    // Read, the entry is read; another person cannot mark it.
    await manager.post('/api/notices/read', { ids: [list.items[0].id] });
    expect((await agent.get('/api/notices')).json().unread).toBe(1);
    await agent.post('/api/notices/read', { ids: [list.items[0].id] });
    const read = (await agent.get('/api/notices')).json();
    expect(read.unread).toBe(0);
    expect(read.items[0]).toMatchObject({ count: 3, unreadCount: 0 });
    expect(read.items[0].readAt).not.toBeNull();

    // The agent writes to the customer; the next update's new cycle breaches a week later. The
    // same entry comes back unread with the new count and time, and one more mail says only that.
    await agent.post(`/api/complaints/${complaint.id}/messages`, {
      step: 'other',
      body: 'Chúng tôi đang kiểm tra với kho.',
    });
    ctx.clock.set(new Date('2026-03-11T10:30:00Z'));
    await ctx.drainJobs(org.id);
    const again = (await agent.get('/api/notices')).json();
    expect(again.unread).toBe(1);
    expect(again.items).toHaveLength(1);
    expect(again.items[0]).toMatchObject({
      count: 4,
      unreadCount: 1,
      readAt: null,
      createdAt: '2026-03-11T10:30:00.000Z',
      firstAt: '2026-03-04T10:30:00.000Z',
    });
    const [, second, ...rest] = await noticeMails(org.id, users.agent.email);
    expect(rest).toEqual([]);
    expect(second!.subject).toBe(`[Ombud] ${complaint.reference}: đã quá hạn cập nhật tiếp theo`);
    expect(second!.text_body).not.toContain('phản hồi đầu tiên');

    // Marking the entry read up to the notice seen leaves a newer one unread.
    const seenId = again.items[0].id;
    await ctx.db
      .insertInto('notices')
      .values({
        org_id: org.id,
        user_id: users.agent.id,
        kind: 'sla_breach',
        complaint_id: complaint.id,
        dedupe_key: 'later',
        data: JSON.stringify({ reference: complaint.reference, clock: 'fix' }),
        created_at: new Date('2026-03-11T10:31:00Z'),
        read_at: null,
        mailed_at: null,
      })
      .execute();
    await agent.post('/api/notices/read', { ids: [seenId] });
    expect((await agent.get('/api/notices')).json().items[0]).toMatchObject({
      count: 5,
      unreadCount: 1,
    });
  });
});
