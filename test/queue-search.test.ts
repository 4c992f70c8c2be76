import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

const T0 = new Date('2026-03-02T02:00:00Z');

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: T0 });
});
afterAll(async () => ctx.close());

type Item = { id: string; reference: string; customerName: string };

/** A fresh org, and a way to file complaints one minute apart and search its queue. */
async function desk() {
  const { org, users, reasons } = await createTestOrg(ctx);
  const agent = await signIn(ctx, users.agent.email);
  const admin = await signIn(ctx, users.admin.email);
  let minute = 0;
  const file = async (body: Record<string, unknown>): Promise<Item & { customerId: string }> => {
    ctx.clock.set(new Date(T0.getTime() + ++minute * 60_000));
    const response = await agent.post('/api/complaints', sampleComplaint(body));
    expect(response.statusCode).toBe(201);
    const { complaint, customer } = response.json();
    return { ...complaint, customerName: customer.name, customerId: customer.id };
  };
  const search = async (q: string, extra = ''): Promise<string[]> => {
    const response = await agent.get(`/api/complaints?q=${encodeURIComponent(q)}${extra}`);
    expect(response.statusCode).toBe(200);
    return response.json().items.map((i: Item) => i.id);
  };
  const reasonId = (code: string) => reasons.find((r) => r.code === code)!.id;
  return { org, users, agent, admin, file, search, reasonId };
}

const person = (name: string, phone: string) => ({ name, phone, email: null });

describe('search finds what agents type', () => {
  it('finds a case by its reason in every language, though its text never says it', async () => {
    const { file, search, reasonId } = await desk();
    const late = await file({
      reasonId: reasonId('delivery.late'),
      description: 'Đơn đặt tuần trước vẫn chưa tới',
      customer: person('Lâm Thị Hạnh', '0905000001'),
    });
    await file({ description: 'Máy lạnh không chạy', customer: person('Vũ Tiến', '0905000002') });
    expect(await search('giao hang cham')).toEqual([late.id]);
    expect(await search('Giao hàng chậm')).toEqual([late.id]);
    expect(await search('late delivery')).toEqual([late.id]);
    expect(await search('配送延迟')).toEqual([late.id]);
  });

  it('finds a case by the facts recorded in read-back and by the task type it was promised as', async () => {
    const { agent, admin, file, search } = await desk();
    const boxed = await file({
      description: 'Hàng có vấn đề',
      customer: person('Hà My', '0905000003'),
    });
    await agent.post(`/api/complaints/${boxed.id}/facts`, {
      whatHappened: 'Hộp bị móp méo một góc',
      askText: 'Đổi sản phẩm mới',
      orderRef: 'DH-7788',
    });
    expect(await search('hop bi mop')).toEqual([boxed.id]);
    expect(await search('dh-7788')).toEqual([boxed.id]);

    const task = await admin.post('/api/task-types', {
      name: 'Đổi hàng tận nơi',
      departmentId: null,
      durationAmount: 2,
      durationUnit: 'business_days',
    });
    expect(task.statusCode).toBe(201);
    const made = await agent.post(`/api/complaints/${boxed.id}/commitments`, {
      dueAt: new Date(T0.getTime() + 3 * 86_400_000).toISOString(),
      taskTypeId: task.json().id,
    });
    expect(made.statusCode).toBe(201);
    expect(await search('doi hang tan noi')).toEqual([boxed.id]);
  });

  it('folds đ/Đ and text typed in decomposed form', async () => {
    const { file, search } = await desk();
    const dang = await file({
      description: 'Đường dây nóng không ai nghe máy',
      customer: person('Đặng Đức Độ', '0905000004'),
    });
    // "Nguyễn Bình" as some keyboards send it: base letters followed by combining marks.
    const decomposed = await file({
      description: 'Nhân viên hẹn nhưng không đến',
      customer: person('Nguye\u0302\u0303n Bi\u0300nh', '0905000005'),
    });
    expect(await search('dang duc do')).toEqual([dang.id]);
    expect(await search('ĐẶNG ĐỨC')).toEqual([dang.id]);
    expect(await search('duong day nong')).toEqual([dang.id]);
    expect(await search('nguyen binh')).toEqual([decomposed.id]);
    expect(await search('Nguyễn Bình')).toEqual([decomposed.id]);
    expect(await search('Nguye\u0302\u0303n')).toEqual([decomposed.id]);
  });
});

describe('the search text stays fresh', () => {
  it('follows a reason renamed, a task type renamed and a customer corrected, once the jobs ran', async () => {
    const { org, agent, admin, file, search, reasonId } = await desk();
    const id = reasonId('billing.overcharge');
    const billed = await file({
      reasonId: id,
      description: 'Hóa đơn tháng 2 cao bất thường',
      customer: person('Tạ Quang Huy', '0905000006'),
    });
    const renamed = await admin.patch(`/api/reasons/${id}`, {
      names: { vi: 'Thu phí sai', en: 'Wrong charge', zh: '错误收费' },
    });
    expect(renamed.statusCode).toBe(200);
    await ctx.drainJobs(org.id);
    expect(await search('thu phi sai')).toEqual([billed.id]);
    expect(await search('wrong charge')).toEqual([billed.id]);
    expect(await search('tinh tien sai')).toEqual([]);

    const task = (
      await admin.post('/api/task-types', {
        name: 'Kiểm tra hóa đơn',
        departmentId: null,
        durationAmount: 1,
        durationUnit: 'business_days',
      })
    ).json();
    await agent.post(`/api/complaints/${billed.id}/commitments`, {
      dueAt: new Date(T0.getTime() + 3 * 86_400_000).toISOString(),
      taskTypeId: task.id,
    });
    const put = await admin.request('PUT', `/api/task-types/${task.id}`, {
      name: 'Đối soát cước',
      departmentId: null,
      durationAmount: 1,
      durationUnit: 'business_days',
    });
    expect(put.statusCode).toBe(200);
    await ctx.drainJobs(org.id);
    expect(await search('doi soat cuoc')).toEqual([billed.id]);
    expect(await search('kiem tra hoa don')).toEqual([]);

    const edited = await agent.patch(`/api/customers/${billed.customerId}`, {
      name: 'Tạ Quang Huynh',
      phone: '0977000111',
    });
    expect(edited.statusCode).toBe(200);
    await ctx.drainJobs(org.id);
    expect(await search('quang huynh')).toEqual([billed.id]);
    expect(await search('0977 000 111')).toEqual([billed.id]);
    expect(await search('0905000006')).toEqual([]);
  });

  it('finds the complaints a merge moved by the record they moved to', async () => {
    const { org, agent, file, search } = await desk();
    const first = await file({ customer: person('Hoàng Văn Tùng', '0912000001') });
    const copy = await file({ customer: person('Hoàng V. Tùng', '0912000002') });
    const merged = await agent.post(`/api/customers/${copy.customerId}/merge`, {
      intoId: first.customerId,
    });
    expect(merged.statusCode).toBe(200);
    await ctx.drainJobs(org.id);
    expect((await search('hoang van tung')).sort()).toEqual([first.id, copy.id].sort());
    expect((await search('0912000001')).sort()).toEqual([first.id, copy.id].sort());
  });

  it('rebuilds every text of an org, as after an upgrade, without moving updatedAt', async () => {
    const { org, agent, file, search } = await desk();
    const one = await file({ description: 'Cước phí tính trùng hai lần' });
    await ctx.pool.query(`UPDATE complaints SET search_text = '' WHERE org_id = $1`, [org.id]);
    expect(await search('cuoc phi')).toEqual([]);
    const before = (await agent.get(`/api/complaints/${one.id}`)).json().complaint.updatedAt;
    await ctx.pool.query(
      // The job the upgrade to this version enqueues for every org.
      `INSERT INTO jobs (org_id, kind, version, payload, run_at, coalesce_key, priority)
       SELECT id, 'complaint.search-refresh', 1, jsonb_build_object('orgId', id), $2, 'all', 8
       FROM orgs WHERE id = $1`,
      [org.id, ctx.clock.now()],
    );
    await ctx.drainJobs(org.id);
    expect(await search('cuoc phi')).toEqual([one.id]);
    expect((await agent.get(`/api/complaints/${one.id}`)).json().complaint.updatedAt).toBe(before);
  });
});

describe('ranking', () => {
  it('puts a customer named "Nhung" before the cases that merely say "nhưng"', async () => {
    const { file, search } = await desk();
    const but1 = await file({
      description: 'Tôi đã gọi nhiều lần nhưng không ai nghe',
      customer: person('Lê Văn An', '0906000001'),
    });
    const named = await file({
      description: 'Máy giặt kêu to',
      customer: person('Trần Thị Nhung', '0906000002'),
    });
    const but2 = await file({
      description: 'Đã hẹn sửa nhưng thợ không tới',
      customer: person('Phạm Minh', '0906000003'),
    });
    const exact = await file({
      description: 'Hóa đơn bị tính hai lần',
      customer: person('Nhung', '0906000004'),
    });
    expect(await search('Nhung')).toEqual([exact.id, named.id, but1.id, but2.id]);
    // The switch to due time: the earliest filed is due first.
    expect(await search('Nhung', '&sort=dueAt')).toEqual([but1.id, named.id, but2.id, exact.id]);
  });

  it('ranks reason names over words in the text over parts of words, and a full reference first', async () => {
    const { file, search, reasonId } = await desk();
    const partOfWord = await file({
      description: 'Gửi qua dịch vụ giaohang nhanh vẫn trễ',
      customer: person('Bùi Lan', '0907000001'),
    });
    const inText = await file({
      description: 'Nhân viên giao hàng thái độ không tốt',
      customer: person('Đỗ Hải', '0907000002'),
    });
    const byReason = await file({
      reasonId: reasonId('delivery.late'),
      description: 'Chờ cả tuần chưa thấy đơn',
      customer: person('Mai Anh', '0907000003'),
    });
    expect(await search('giao hang')).toEqual([byReason.id, inText.id, partOfWord.id]);
    expect(await search('giao hang', '&sort=dueAt')).toEqual([
      partOfWord.id,
      inText.id,
      byReason.id,
    ]);
    expect(await search(inText.reference.toLowerCase())).toEqual([inText.id]);
    expect(await search(`0907000003`)).toEqual([byReason.id]);
  });
});
