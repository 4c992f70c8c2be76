import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  nextAddress,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

// Issue 7, items 1–3 and 11, 17, 18: no stranger can take over a customer, a confirmed read-back
// is frozen, tracking links are bearer secrets, and the small holes the fuzzer found.

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
  headers: Record<string, string> = {},
) =>
  ctx.app.inject({
    method,
    url: `/api/portal/${token}${path}`,
    remoteAddress: nextAddress(),
    headers,
    ...(payload ? { payload } : {}),
  });

const publicForm = (slug: string, body: Record<string, unknown>) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/public/orgs/${slug}/complaints`,
    remoteAddress: nextAddress(),
    payload: body,
  });

async function caseWithReadBack(agent: Awaited<ReturnType<typeof signIn>>, customer = {}) {
  const created = (
    await agent.post(
      '/api/complaints',
      sampleComplaint({
        customer: {
          name: 'Nguyễn Thị Lan',
          phone: '0912345678',
          email: 'lan@example.vn',
          ...customer,
        },
      }),
    )
  ).json();
  const id = created.complaint.id as string;
  await agent.post(`/api/complaints/${id}/facts`, {
    whatHappened: 'Đơn DH-0001 giao trễ 5 ngày',
    askText: 'Hoàn phí vận chuyển',
  });
  await agent.post(`/api/complaints/${id}/readback/send`, { version: 1 });
  return {
    id,
    customerId: created.customer.id as string,
    token: tokenOf(created.complaint.trackingUrl),
  };
}

describe('customer identity', () => {
  it('lets the public form neither rename, re-address nor re-language a known customer', async () => {
    const { org, users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const hers = await caseWithReadBack(agent);
    expect((await portal(hers.token, 'POST', '/readback/confirm', { version: 1 })).statusCode).toBe(
      200,
    );
    const confirmedBefore = (await agent.get(`/api/complaints/${hers.id}`)).json().facts.confirmed
      .readBack;

    // The repro of the issue: her phone, another name, the attacker's address, another language.
    const attack = await publicForm(org.slug, {
      name: 'Kẻ Giả Mạo',
      phone: '0912 345 678',
      email: 'attacker@example.com',
      description: 'Tôi muốn đổi địa chỉ email',
      language: 'en',
    });
    expect(attack.statusCode).toBe(201);

    const her = (await agent.get(`/api/customers/${hers.customerId}`)).json();
    expect(her).toMatchObject({
      name: 'Nguyễn Thị Lan',
      email: 'lan@example.vn',
      phone: '+84912345678',
      preferredLanguage: 'vi',
      possibleDuplicateOf: null,
    });
    const herCase = (await agent.get(`/api/complaints/${hers.id}`)).json();
    expect(herCase.customer.name).toBe('Nguyễn Thị Lan');
    expect(herCase.facts.confirmed.readBack).toBe(confirmedBefore);
    expect(herCase.facts.confirmed.readBack).toContain('Nguyễn Thị Lan');

    // The attacker's complaint has a record of its own, marked as a possible duplicate of hers.
    const list = (await agent.get('/api/complaints?q=attacker')).json();
    const theirs = (await agent.get(`/api/complaints/${list.items[0].id}`)).json();
    expect(theirs.customer.id).not.toBe(hers.customerId);
    expect(theirs.customer.possibleDuplicateOf).toBe(hers.customerId);
    expect(theirs.complaint.contactEmail).toBe('attacker@example.com');
    const duplicates = (await agent.get(`/api/customers/${hers.customerId}/duplicates`)).json();
    expect(duplicates.items.map((c: { id: string }) => c.id)).toEqual([theirs.customer.id]);

    // Mail about her case still goes to her; mail about theirs goes to the address given with it.
    await agent.post(`/api/complaints/${hers.id}/messages`, { body: 'Chúng tôi đang xử lý.' });
    await agent.post(`/api/complaints/${theirs.complaint.id}/messages`, { body: 'Đã nhận.' });
    const herMail = (await agent.get(`/api/mailbox?complaintId=${hers.id}`)).json().items;
    const theirMail = (await agent.get(`/api/mailbox?complaintId=${theirs.complaint.id}`)).json()
      .items;
    expect(new Set(herMail.map((m: { to: string }) => m.to))).toEqual(new Set(['lan@example.vn']));
    expect(new Set(theirMail.map((m: { to: string }) => m.to))).toEqual(
      new Set(['attacker@example.com']),
    );
  });

  it('lets an agent merge two records of one person, audited; the complaints keep their addresses', async () => {
    const { org, users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const admin = await signIn(ctx, users.admin.email);
    const first = (await agent.post('/api/complaints', sampleComplaint())).json();
    await publicForm(org.slug, {
      name: 'Lan (chị gái)',
      phone: '0912345678',
      email: 'lan.work@example.vn',
      description: 'Tôi là người nhà',
    });
    const [copy] = (await agent.get(`/api/customers/${first.customer.id}/duplicates`)).json().items;
    const merged = await agent.post(`/api/customers/${copy.id}/merge`, {
      intoId: first.customer.id,
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({
      movedComplaints: 1,
      customer: { id: first.customer.id },
    });
    expect((await agent.get(`/api/customers/${copy.id}`)).statusCode).toBe(404);
    const cases = (await agent.get(`/api/complaints?q=0912345678`)).json().items;
    expect(cases).toHaveLength(2);
    for (const c of cases) {
      const detail = (await agent.get(`/api/complaints/${c.id}`)).json();
      expect(detail.customer.id).toBe(first.customer.id);
    }
    const contacts = await Promise.all(
      cases.map(
        async (c: { id: string }) =>
          (await agent.get(`/api/complaints/${c.id}`)).json().complaint.contactEmail,
      ),
    );
    expect(new Set(contacts)).toEqual(new Set(['lan@example.vn', 'lan.work@example.vn']));
    const audit = (
      await admin.get(`/api/audit?entityType=customer&entityId=${first.customer.id}`)
    ).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toContain('customer.merged');
    // Merging into itself or into another org's customer is refused.
    expect(
      (await agent.post(`/api/customers/${first.customer.id}/merge`, { intoId: first.customer.id }))
        .statusCode,
    ).toBe(400);
  });

  it('lets staff with customer:update edit a customer, each change audited; others may not', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const admin = await signIn(ctx, users.admin.email);
    const responder = await signIn(ctx, users.responder.email);
    const { customer } = (await agent.post('/api/complaints', sampleComplaint())).json();
    const edited = await agent.patch(`/api/customers/${customer.id}`, {
      name: 'Nguyễn Thị Lan Anh',
      email: 'lananh@example.vn',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Nguyễn Thị Lan Anh', email: 'lananh@example.vn' });
    const audit = (
      await admin.get(`/api/audit?entityType=customer&entityId=${customer.id}`)
    ).json();
    expect(audit.items[0]).toMatchObject({
      action: 'customer.updated',
      before: { name: 'Nguyễn Thị Lan', email: 'lan@example.vn' },
      after: { name: 'Nguyễn Thị Lan Anh', email: 'lananh@example.vn' },
    });
    expect((await responder.patch(`/api/customers/${customer.id}`, { name: 'X' })).statusCode).toBe(
      403,
    );
    expect(
      (await agent.patch(`/api/customers/${customer.id}`, { phone: 'not a phone' })).json().error
        .field,
    ).toBe('phone');
  });
});

describe('a confirmed read-back is frozen', () => {
  it('keeps the text the customer saw, and confirms exactly that', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const { id, customerId, token } = await caseWithReadBack(agent);
    const sentText = (await portal(token)).json().readBack.text as string;
    expect(sentText).toContain('Nguyễn Thị Lan');
    // The record changes after the read-back went out; what was sent does not.
    await agent.patch(`/api/customers/${customerId}`, { name: 'Trần Văn Khác' });
    expect((await portal(token)).json().readBack.text).toBe(sentText);
    expect((await portal(token, 'POST', '/readback/confirm', { version: 1 })).statusCode).toBe(200);
    const detail = (await agent.get(`/api/complaints/${id}`)).json();
    expect(detail.facts.confirmed.readBack).toBe(sentText);
    expect(detail.customer.name).toBe('Trần Văn Khác');
  });

  it('lets the portal confirm only a version that was sent', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const { id, token } = await caseWithReadBack(agent);
    await agent.post(`/api/complaints/${id}/facts`, {
      whatHappened: 'Bản sửa chưa gửi',
      askText: 'Hoàn phí',
    });
    const unsent = await portal(
      token,
      'POST',
      '/readback/confirm',
      { version: 2 },
      { 'accept-language': 'en' },
    );
    expect(unsent.statusCode).toBe(400);
    expect(unsent.json().error).toMatchObject({ code: 'validation_failed', field: 'version' });
    expect(unsent.json().error.message).toContain('has not been sent');
    // The superseded version 1 cannot be confirmed either.
    expect((await portal(token, 'POST', '/readback/confirm', { version: 1 })).statusCode).toBe(409);
  });
});

describe('tracking links are bearer secrets', () => {
  it('keeps no link in the idempotency record, and gives a retry a fresh working link', async () => {
    const { org, users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const body = sampleComplaint();
    const first = await agent.post('/api/complaints', body, { 'idempotency-key': 'order-1' });
    const retry = await agent.post('/api/complaints', body, { 'idempotency-key': 'order-1' });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().complaint.id).toBe(first.json().complaint.id);
    expect(retry.json().complaint.trackingUrl).not.toBe(first.json().complaint.trackingUrl);
    expect((await portal(tokenOf(retry.json().complaint.trackingUrl))).statusCode).toBe(200);
    const stored = await ctx.db
      .selectFrom('idempotency_keys')
      .select('response')
      .where('org_id', '=', org.id)
      .where('key', '=', 'order-1')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.response)).not.toContain('/track/');
  });

  it('revokes older links on request, or all of them', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const created = (await agent.post('/api/complaints', sampleComplaint())).json();
    const old = tokenOf(created.complaint.trackingUrl);
    const keep = await agent.post(`/api/complaints/${created.complaint.id}/tracking-link`, {});
    expect(keep.json().revoked).toBe(0);
    expect((await portal(old)).statusCode).toBe(200);
    const fresh = await agent.post(`/api/complaints/${created.complaint.id}/tracking-link`, {
      revokeOthers: true,
    });
    expect(fresh.json().revoked).toBe(2);
    expect((await portal(old)).statusCode).toBe(404);
    expect((await portal(tokenOf(keep.json().trackingUrl))).statusCode).toBe(404);
    const newest = tokenOf(fresh.json().trackingUrl);
    expect((await portal(newest)).statusCode).toBe(200);
    const all = await agent.post(`/api/complaints/${created.complaint.id}/tracking-links/revoke`);
    expect(all.json()).toEqual({ revoked: 1 });
    expect((await portal(newest)).statusCode).toBe(404);
  });

  it('expires a link 90 days after the case is closed, with a page that says whom to contact', async () => {
    const { users } = await createTestOrg(ctx, 'Công ty Hết Hạn');
    const agent = await signIn(ctx, users.agent.email);
    const created = (await agent.post('/api/complaints', sampleComplaint())).json();
    const token = tokenOf(created.complaint.trackingUrl);
    await agent.post(`/api/complaints/${created.complaint.id}/status`, { status: 'fixed' });
    await agent.post(`/api/complaints/${created.complaint.id}/status`, { status: 'closed' });
    ctx.clock.advance(89 * 86_400_000);
    expect((await portal(token)).statusCode).toBe(200);
    ctx.clock.advance(2 * 86_400_000);
    const expired = await portal(token, 'GET', '', undefined, { 'accept-language': 'vi' });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('link_expired');
    expect(expired.json().error.message).toContain('Công ty Hết Hạn');
    expect(expired.json().error.message).toContain(created.complaint.reference);
    // Reopening the case brings the link back (the agent's own session ran out meanwhile).
    const later = await signIn(ctx, users.agent.email);
    const reopened = await later.post(`/api/complaints/${created.complaint.id}/status`, {
      status: 'in_progress',
    });
    expect(reopened.statusCode).toBe(200);
    expect((await portal(token)).statusCode).toBe(200);
  });

  it('records a signed-in staff member acting in the portal as staff, and needs their CSRF token', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const { id, token } = await caseWithReadBack(agent);
    const withoutCsrf = await portal(
      token,
      'POST',
      '/readback/confirm',
      { version: 1 },
      {
        cookie: agent.cookie,
      },
    );
    expect(withoutCsrf.statusCode).toBe(403);
    const asStaff = await portal(
      token,
      'POST',
      '/readback/confirm',
      { version: 1 },
      {
        cookie: agent.cookie,
        'x-csrf-token': agent.csrfToken,
      },
    );
    expect(asStaff.statusCode).toBe(200);
    const timeline = (await agent.get(`/api/complaints/${id}/timeline`)).json().events;
    const confirmed = timeline.find((e: { type: string }) => e.type === 'readback.confirmed');
    expect(confirmed).toMatchObject({ actorType: 'user', actorName: users.agent.name });
  });
});

describe('small holes', () => {
  it('answers an empty PATCH of the org or a department with the record, not a 500', async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    expect((await admin.patch('/api/org', {})).statusCode).toBe(200);
    const department = (await admin.post('/api/departments', { name: 'Giao vận' })).json();
    const empty = await admin.patch(`/api/departments/${department.id}`, {});
    expect(empty.statusCode).toBe(200);
    expect(empty.json().name).toBe('Giao vận');
  });

  it('refuses to delete a department a task type uses, with a 409', async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const department = (await admin.post('/api/departments', { name: 'Kho' })).json();
    const task = await admin.post('/api/task-types', {
      name: 'Giao lại',
      departmentId: department.id,
      durationAmount: 2,
      durationUnit: 'business_days',
    });
    expect(task.statusCode).toBe(201);
    expect((await admin.delete(`/api/departments/${department.id}`)).statusCode).toBe(409);
  });

  it('caps a duration by its unit, naming the field', async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const tooLong = await admin.request(
      'POST',
      '/api/task-types',
      {
        name: 'Mãi mãi',
        departmentId: null,
        durationAmount: 10_000,
        durationUnit: 'calendar_weeks',
      },
      { 'accept-language': 'en' },
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error).toMatchObject({ field: 'durationAmount' });
    expect(tooLong.json().error.message).toContain('520');
    const ok = await admin.post('/api/task-types', {
      name: 'Mười năm',
      departmentId: null,
      durationAmount: 520,
      durationUnit: 'calendar_weeks',
    });
    expect(ok.statusCode).toBe(201);
  });

  it("refuses an SLA policy that matches another org's reason", async () => {
    const a = await createTestOrg(ctx);
    const b = await createTestOrg(ctx);
    const admin = await signIn(ctx, a.users.admin.email);
    const [policy] = (await admin.get('/api/sla-policies')).json().items;
    const { id: _id, ...input } = policy;
    const foreign = await admin.request('PUT', `/api/sla-policies/${policy.id}`, {
      ...input,
      match: { ...input.match, reasonIds: [b.reasons[0]!.id] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.field).toBe('match.reasonIds.0');
    const own = await admin.request('PUT', `/api/sla-policies/${policy.id}`, {
      ...input,
      match: { ...input.match, reasonIds: [a.reasons[0]!.id] },
    });
    expect(own.statusCode).toBe(200);
  });

  it('recomputes clocks and changes one case side by side without deadlocks or duplicate keys', async () => {
    const { org, users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    const work = [
      ...Array.from({ length: 6 }, () => ctx.services.complaints.clocks.recomputeOrg(org.id)),
      ...Array.from({ length: 6 }, (_, i) =>
        agent.post(`/api/complaints/${complaint.id}/notes`, { body: `ghi chú ${i}` }),
      ),
      agent.post(`/api/complaints/${complaint.id}/messages`, { body: 'Đã nhận' }),
      agent.post(`/api/complaints/${complaint.id}/status`, { status: 'waiting_customer' }),
    ];
    const results = await Promise.allSettled(work);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    for (const r of results)
      if (
        r.status === 'fulfilled' &&
        typeof r.value === 'object' &&
        r.value &&
        'statusCode' in r.value
      )
        expect((r.value as { statusCode: number }).statusCode).toBe(200);
    const clocks = await ctx.db
      .selectFrom('complaint_clocks')
      .select('clock')
      .where('org_id', '=', org.id)
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(new Set(clocks.map((c) => c.clock)).size).toBe(clocks.length);
    const detail = (await agent.get(`/api/complaints/${complaint.id}/clocks`)).json();
    expect(detail.clocks.find((c: { clock: string }) => c.clock === 'first_response').state).toBe(
      'met',
    );
  });
});
