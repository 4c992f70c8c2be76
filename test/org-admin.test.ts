import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestOrg, signIn, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('org chart', () => {
  it('manages departments and users and walks the manager chain upward', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const company = (
      await admin.post('/api/departments', { name: 'Công ty', headUserId: users.admin.id })
    ).json();
    const care = (
      await admin.post('/api/departments', {
        name: 'CSKH',
        parentId: company.id,
        headUserId: users.manager.id,
      })
    ).json();
    const team = (await admin.post('/api/departments', { name: 'Tổ 1', parentId: care.id })).json();
    expect(
      (await admin.patch(`/api/users/${users.agent.id}`, { departmentId: team.id })).statusCode,
    ).toBe(200);
    expect(
      (await admin.patch(`/api/users/${users.manager.id}`, { departmentId: care.id })).statusCode,
    ).toBe(200);
    expect(
      (await admin.patch(`/api/users/${users.admin.id}`, { departmentId: company.id })).statusCode,
    ).toBe(200);

    const chain = (await admin.get(`/api/users/${users.agent.id}/manager-chain`))
      .json()
      .items.map((u: { id: string }) => u.id);
    expect(chain).toEqual([users.manager.id, users.admin.id]);
    expect(await ctx.services.org.managerOf(org.id, users.agent.id)).toBe(users.manager.id);

    // A named manager wins over the department head.
    await admin.patch(`/api/users/${users.agent.id}`, { managerId: users.quality.id });
    expect(await ctx.services.org.managerOf(org.id, users.agent.id)).toBe(users.quality.id);

    // Loops are refused.
    const loop = await admin.patch(`/api/departments/${company.id}`, { parentId: team.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.field).toBe('parentId');
    await admin.patch(`/api/users/${users.quality.id}`, { managerId: users.agent.id });
    const managerLoop = await admin.patch(`/api/users/${users.agent.id}`, {
      managerId: users.quality.id,
    });
    expect(managerLoop.statusCode).toBe(200);
    const selfLoop = await admin.patch(`/api/users/${users.quality.id}`, {
      managerId: users.quality.id,
    });
    expect(selfLoop.statusCode).toBe(400);

    // A department in use cannot be deleted; an empty one can.
    expect((await admin.delete(`/api/departments/${care.id}`)).statusCode).toBe(409);
    const empty = (await admin.post('/api/departments', { name: 'Trống' })).json();
    expect((await admin.delete(`/api/departments/${empty.id}`)).statusCode).toBe(200);

    // Every change is in the audit trail with who did it.
    const audit = (await admin.get('/api/audit?entityType=department')).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['department.created', 'department.deleted']),
    );
    expect(audit[0].actorId).toBe(users.admin.id);
  });

  it('creates users with unique e-mails and resets passwords', async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const created = await admin.post('/api/users', {
      name: 'Ngô Văn Mới',
      email: 'Moi@Example.vn',
      role: 'agent',
      password: 'mật khẩu rất dài',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().email).toBe('moi@example.vn');
    const duplicate = await admin.post('/api/users', {
      name: 'Khác',
      email: 'moi@example.vn',
      role: 'agent',
      password: 'mật khẩu rất dài',
    });
    expect(duplicate.statusCode).toBe(409);
    const short = await admin.post('/api/users', {
      name: 'Khác',
      email: 'k@example.vn',
      role: 'agent',
      password: 'short',
    });
    expect(short.json().error.field).toBe('password');
    expect((await signIn(ctx, 'moi@example.vn', 'mật khẩu rất dài')).csrfToken).toBeTruthy();
    await admin.patch(`/api/users/${created.json().id}`, { password: 'một mật khẩu mới' });
    await expect(signIn(ctx, 'moi@example.vn', 'mật khẩu rất dài')).rejects.toThrow(/401/);
  });
});

describe('reasons and templates', () => {
  it('keeps a reason tree in three languages and retires reasons in use', async () => {
    const { users, reasons } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const parent = reasons.find((r) => r.code === 'delivery')!;
    const created = await admin.post('/api/reasons', {
      code: 'delivery.lost',
      parentId: parent.id,
      names: { vi: 'Thất lạc hàng', en: 'Lost parcel', zh: '包裹丢失' },
    });
    expect(created.statusCode).toBe(201);
    expect(
      (
        await admin.post('/api/reasons', {
          code: 'delivery.lost',
          names: { vi: 'a', en: 'b', zh: 'c' },
        })
      ).statusCode,
    ).toBe(409);
    const agent = await signIn(ctx, users.agent.email);
    await agent.post('/api/complaints', {
      customer: { name: 'A', phone: '0912000001' },
      description: 'mất hàng',
      reasonId: created.json().id,
    });
    const removed = (await admin.delete(`/api/reasons/${created.json().id}`)).json();
    expect(removed.retired).toBe(true);
    const listed = (await admin.get('/api/reasons'))
      .json()
      .items.find((r: { id: string }) => r.id === created.json().id);
    expect(listed.active).toBe(false);
  });

  it('lets admins edit templates, and refuses unknown variables when saved, naming the field', async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const list = (await admin.get('/api/templates')).json().items;
    // Four kinds in three languages, and two apologies in each: with or without accepting fault.
    expect(list).toHaveLength(15);
    expect(list.every((t: { unknownVariables: string[] }) => t.unknownVariables.length === 0)).toBe(
      true,
    );
    const apology = list.find(
      (t: { step: string; language: string; name: string }) =>
        t.step === 'apologise' && t.language === 'en' && t.name.startsWith('Apology'),
    );
    const refused = await admin.patch(`/api/templates/${apology.id}`, {
      body: 'Sorry {{customerName}} {{shoeSize}}',
    });
    expect(refused.statusCode).toBe(400);
    // The admin's own language (Vietnamese) names the field, the template's language and the gap.
    expect(refused.json().error.field).toBe('body');
    expect(refused.json().error.message).toBe(
      'Nội dung (English) dùng biến không có trong loại mẫu này: {{shoeSize}}. Các biến dùng được: {{customerName}}, {{reference}}, {{trackingUrl}}, {{orgName}}, {{agentName}}, {{commitmentDueAt}}, {{fixDueAt}}, {{nextUpdateDueAt}}.',
    );
    const inEnglish = await admin.request(
      'PATCH',
      `/api/templates/${apology.id}`,
      { subject: '[{{reference}}] {{ customer.name }}' },
      { 'accept-language': 'en' },
    );
    expect(inEnglish.statusCode).toBe(400);
    expect(inEnglish.json().error).toMatchObject({
      field: 'subject',
      message: expect.stringMatching(
        /^The subject \(English\) uses variables .*\{\{customer\.name\}\}/,
      ),
    });
    const unclosed = await admin.post('/api/templates', {
      step: 'thank',
      language: 'zh',
      name: '未闭合',
      subject: '感谢',
      body: '您好 {{customerName',
    });
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.json().error.field).toBe('body');
    expect(unclosed.json().error.message).toContain('(中文)');
    expect(unclosed.json().error.message).toContain('{{customerName');
    // A variable of another kind: the read-back summary is not known to a thank-you.
    const otherKind = await admin.post('/api/templates', {
      step: 'thank',
      language: 'vi',
      name: 'Sai loại',
      subject: '',
      body: '{{readBack}}',
    });
    expect(otherKind.json().error).toMatchObject({ field: 'body' });
    // Nothing was saved by the refusals.
    const after = (await admin.get('/api/templates')).json().items;
    expect(after).toHaveLength(15);
    expect(after.find((t: { id: string }) => t.id === apology.id).body).toBe(apology.body);

    const saved = await admin.patch(`/api/templates/${apology.id}`, {
      body: 'Sorry {{ customerName }}, fixed by {{fixDueAt}}.',
    });
    expect(saved.statusCode).toBe(200);
    const agent = await signIn(ctx, users.agent.email);
    expect((await agent.patch(`/api/templates/${apology.id}`, { body: 'x' })).statusCode).toBe(403);
  });
});
