import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type Client,
  type TestContext,
} from './helpers.ts';

// Step 8's suggestions over HTTP: likely repeats, similar text, the cap, and who may see them.

const START = new Date('2026-03-02T02:00:00Z');
const DAY = 86_400_000;
const blns: string[] = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, 'fixtures/naughty-strings/blns.json'), 'utf8'),
);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: START });
});
afterAll(async () => ctx.close());

type Item = {
  kind: string;
  complaint: { id: string; reference: string; customerName: string | null; excerpt: string };
  why: { code: string; days?: number; score?: number };
};

async function setup() {
  const t = await createTestOrg(ctx);
  const agent = await signIn(ctx, t.users.agent.email);
  const admin = await signIn(ctx, t.users.admin.email);
  return { ...t, agent, admin };
}

async function take(client: Client, overrides: Record<string, unknown>) {
  const r = await client.post('/api/complaints', sampleComplaint(overrides));
  expect(r.statusCode, r.body).toBe(201);
  return r.json().complaint as { id: string; reference: string };
}

const suggestionsOf = async (client: Client, id: string) => {
  const r = await client.get(`/api/complaints/${id}/similar`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { items: Item[]; definition: Record<string, number> };
};

const customer = (n: number) => ({
  name: `Khách ${n}`,
  phone: `09123${String(n).padStart(5, '0')}`,
});

describe('suggestions on the case page', () => {
  it('suggests the same customer with the same reason as a repeat, with the days between', async () => {
    ctx.clock.set(START);
    const { agent, reasons } = await setup();
    const [delivery, billing] = [reasons[0]!.id, reasons[1]!.id];
    const first = await take(agent, {
      customer: customer(1),
      reasonId: delivery,
      description: 'Giao hàng trễ, đơn hàng chưa tới sau một tuần',
      orderRef: 'DH-1',
    });
    const otherReason = await take(agent, {
      customer: customer(1),
      reasonId: billing,
      description: 'Hóa đơn tính sai tiền thuế',
      orderRef: 'HD-77',
    });
    const otherCustomer = await take(agent, {
      customer: customer(2),
      reasonId: delivery,
      description: 'Tôi muốn đổi màu áo',
      orderRef: 'DH-9',
    });
    ctx.clock.set(new Date(START.getTime() + 3 * DAY));
    const second = await take(agent, {
      customer: customer(1),
      reasonId: delivery,
      description: 'Lại bị giao trễ lần nữa',
      orderRef: 'DH-2',
    });
    const { items, definition } = await suggestionsOf(agent, second.id);
    expect(items.map((i) => [i.kind, i.complaint.id, i.why])).toEqual([
      ['repeat', first.id, { code: 'same_customer_same_reason', days: 3 }],
    ]);
    expect(items[0]!.complaint.customerName).toBe('Khách 1');
    expect(items[0]!.complaint.excerpt).toContain('Giao hàng trễ');
    expect(definition).toEqual({
      repeatDays: 30,
      similarMonths: 6,
      similarThreshold: 0.4,
      similarThresholdCjk: 0.25,
      max: 5,
    });
    // The same customer with another reason but the same order is a repeat too.
    const sameOrder = await take(agent, {
      customer: customer(1),
      reasonId: null,
      description: 'Thuế trên hóa đơn vẫn chưa được sửa',
      orderRef: 'hd 77',
    });
    const again = await suggestionsOf(agent, sameOrder.id);
    expect(again.items.map((i) => [i.kind, i.complaint.id, i.why.code])).toContainEqual([
      'repeat',
      otherReason.id,
      'same_customer_same_order',
    ]);
    expect(again.items.map((i) => i.complaint.id)).not.toContain(otherCustomer.id);
    expect(again.items.map((i) => i.complaint.id)).not.toContain(sameOrder.id);
  });

  it('suggests similar text from any customer, typed with or without diacritics, with its score', async () => {
    ctx.clock.set(START);
    const { agent } = await setup();
    const withMarks = await take(agent, {
      customer: customer(10),
      description: 'Máy giặt kêu rất to khi vắt và rung lắc mạnh',
      orderRef: null,
    });
    await take(agent, {
      customer: customer(11),
      description: 'Tủ lạnh không đông đá, thực phẩm bị hỏng',
      orderRef: null,
    });
    const withoutMarks = await take(agent, {
      customer: customer(12),
      description: 'may giat keu rat to khi vat, rung lac manh',
      orderRef: null,
    });
    const { items } = await suggestionsOf(agent, withoutMarks.id);
    expect(items).toHaveLength(1);
    expect(items[0]!.kind).toBe('similar');
    expect(items[0]!.complaint.id).toBe(withMarks.id);
    expect(items[0]!.why.code).toBe('similar_text');
    expect(items[0]!.why.score).toBeGreaterThan(0.6);
    expect(items[0]!.why.score).toBeLessThanOrEqual(1);
  });

  it('shows at most five, and lists a repeat once, not again as similar', async () => {
    ctx.clock.set(START);
    const { agent, reasons } = await setup();
    const text = 'Màn hình điện thoại bị sọc xanh sau khi cập nhật phần mềm';
    const repeat = await take(agent, {
      customer: customer(20),
      reasonId: reasons[0]!.id,
      description: text,
    });
    for (let n = 21; n < 29; n++)
      await take(agent, { customer: customer(n), description: `${text} lần ${n}` });
    const subject = await take(agent, {
      customer: customer(20),
      reasonId: reasons[0]!.id,
      description: text,
    });
    const { items } = await suggestionsOf(agent, subject.id);
    expect(items).toHaveLength(5);
    expect(items[0]).toMatchObject({ kind: 'repeat', complaint: { id: repeat.id } });
    expect(items.slice(1).every((i) => i.kind === 'similar')).toBe(true);
    expect(new Set(items.map((i) => i.complaint.id)).size).toBe(5);
  });

  it("answers 404 for another org's case and for a case that does not exist", async () => {
    const mine = await setup();
    const theirs = await setup();
    const c = await take(mine.agent, { customer: customer(30) });
    expect((await theirs.agent.get(`/api/complaints/${c.id}/similar`)).statusCode).toBe(404);
    expect(
      (await mine.agent.get('/api/complaints/00000000-0000-4000-8000-000000000000/similar'))
        .statusCode,
    ).toBe(404);
    expect((await mine.agent.get('/api/complaints/not-a-uuid/similar')).statusCode).toBe(400);
  });
});

describe('suggestions on the intake page', () => {
  it('finds repeats of the customer the phone number belongs to, and similar text', async () => {
    ctx.clock.set(START);
    const { agent, reasons } = await setup();
    const earlier = await take(agent, {
      customer: customer(40),
      reasonId: reasons[0]!.id,
      description: 'Nhân viên giao hàng thái độ không tốt',
    });
    const like = await take(agent, {
      customer: customer(41),
      description: 'Bình nước nóng bị rò rỉ nước ở đáy',
    });
    const r = await agent.post('/api/suggestions', {
      phone: customer(40).phone,
      reasonId: reasons[0]!.id,
      description: 'binh nuoc nong bi ro ri nuoc o day',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items.map((i: Item) => [i.kind, i.complaint.id])).toEqual([
      ['repeat', earlier.id],
      ['similar', like.id],
    ]);
  });

  it('takes any naughty string as the description, and refuses bad fields by name', async () => {
    const { agent, org } = await setup();
    for (const s of blns.filter((_s, i) => i % 7 === 0)) {
      const r = await agent.post('/api/suggestions', { description: s, email: s, phone: s });
      expect([200, 400], `${JSON.stringify(s)}: ${r.body}`).toContain(r.statusCode);
      if (r.statusCode === 400) expect(r.json().error.field).toBeDefined();
    }
    const bad = await agent.post('/api/suggestions', { description: 'x', customerId: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('customerId');
    expect(bad.json().error.message).toContain('Khách hàng');
    expect(org.id).toBeTruthy();
  });

  it('answers many drafts at once (one connection each, never two)', async () => {
    const { agent } = await setup();
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        agent.post('/api/suggestions', {
          phone: `0913000${String(i).padStart(3, '0')}`,
          description: `Máy lọc nước bị rò rỉ lần ${i}, nước chảy ra sàn`,
        }),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(answers.map(() => 200));
  });

  it('lets only an admin change the settings, and uses them', async () => {
    ctx.clock.set(START);
    const { agent, admin } = await setup();
    const settings = {
      repeatDays: 7,
      similarMonths: 3,
      similarThreshold: 0.9,
      similarThresholdCjk: 0.9,
    };
    expect((await agent.request('PUT', '/api/suggestion-settings', settings)).statusCode).toBe(403);
    const saved = await admin.request('PUT', '/api/suggestion-settings', settings);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual(settings);
    const tooLow = await admin.request('PUT', '/api/suggestion-settings', {
      ...settings,
      similarThreshold: 0,
    });
    expect(tooLow.statusCode).toBe(400);
    expect(tooLow.json().error.field).toBe('similarThreshold');
    await take(agent, { customer: customer(50), description: 'Loa bluetooth không kết nối được' });
    const r = await agent.post('/api/suggestions', {
      description: 'loa bluetooth khong ket noi duoc voi dien thoai',
    });
    expect(r.json().items).toEqual([]);
    expect(r.json().definition).toEqual({ ...settings, max: 5 });
  });
});
