import type { Scope } from '../platform/actor.ts';
import { rolePermissions, type Role } from '../modules/kernel/index.ts';
import type { createServices } from './app.ts';

type Person = { id: string; name: string };
const DAY = 86_400_000;

/**
 * Step 8 in the demo org: three problem records with a chain of three links and actions. One
 * closed after a clean monitoring window (its reason's complaints drop after the fix, so the
 * effectiveness chart shows it), one sent back to action because it recurred, one in analysis.
 * Times are placed in the past by moving the demo's clock.
 */
export async function seedDemoProblems(input: {
  services: ReturnType<typeof createServices>;
  clock: { set(at: Date): void };
  orgId: string;
  now: Date;
  reasons: Map<string, string>;
  people: { quality: Person; agent: Person; responder: Person; manager: Person };
  departments: { care: string; logistics: string; quality: string };
}): Promise<void> {
  const { services, clock, orgId, now, reasons, people, departments } = input;
  const problems = services.problems;
  const scopeOf = (p: Person, role: Role): Scope => ({
    orgId,
    actor: { type: 'user', id: p.id, name: p.name },
    permissions: new Set(rolePermissions[role]),
  });
  const quality = scopeOf(people.quality, 'quality');
  const agent = scopeOf(people.agent, 'agent');
  const at = (daysAgo: number, hour = 3) => {
    const d = new Date(now.getTime() - daysAgo * DAY);
    d.setUTCHours(hour, 0, 0, 0);
    clock.set(d);
    return d;
  };

  let n = 0;
  async function complaint(daysAgo: number, reason: string, description: string, product: string) {
    at(daysAgo, 2 + (n % 8));
    n += 1;
    const created = await services.complaints.create(agent, {
      customer: {
        name: `Khách hàng ${n}`,
        phone: `09${String(80_000_000 + n).padStart(8, '0')}`,
        email: null,
        preferredLanguage: 'vi',
      },
      channel: 'phone',
      reasonId: reasons.get(reason) ?? null,
      severity: 'medium',
      productRef: product,
      orderRef: `VD${String(500 + n)}`,
      description,
      ask: { text: 'Khắc phục và giải thích nguyên nhân', amount: null, currency: null },
      language: 'vi',
    });
    return created.complaint.id;
  }

  async function chainFor(id: string, production: { name: string; role: string }) {
    await problems.saveChain(quality, id, [
      { departmentId: departments.care, userId: people.agent.id, role: 'Tiếp nhận khiếu nại' },
      {
        departmentId: departments.quality,
        userId: people.quality.id,
        role: 'Phân tích nguyên nhân',
      },
      { departmentId: departments.logistics, personName: production.name, role: production.role },
    ]);
  }

  async function toAction(id: string) {
    for (const to of ['analysing', 'action'] as const)
      await problems.transition(quality, id, { to });
  }

  async function doneAction(id: string, description: string, evidence: string) {
    const a = await problems.createAction(quality, id, {
      kind: 'corrective',
      description,
      ownerId: people.responder.id,
      dueInBusinessDays: 5,
    });
    await problems.addEvidence(quality, id, a.id, evidence);
    await problems.updateAction(quality, id, a.id, { status: 'done' });
  }

  // 1. Closed after a clean window: the outage complaints, three a week, stop after the fix.
  const outage: string[] = [];
  for (let week = 0; week < 6; week++)
    for (const day of [0, 2, 4])
      outage.push(
        await complaint(
          112 - week * 7 - day,
          'technical.outage',
          'Mất kết nối Internet buổi tối',
          'Gói cước Internet',
        ),
      );
  at(75);
  const p1 = await problems.create(
    quality,
    {
      title: { vi: 'Mất kết nối Internet giờ cao điểm', en: 'Internet drops at peak hours' },
      description: { vi: 'Trạm phát khu vực quá tải vào buổi tối.' },
      reasonId: reasons.get('technical.outage') ?? null,
      products: [],
      orders: [],
      ownerId: people.quality.id,
      windowLength: 20,
      windowUnit: 'business_days',
      recurrenceThreshold: 0,
    },
    'vi',
  );
  const id1 = p1.problem.id;
  await problems.link(agent, id1, { complaintIds: outage, source: 'manual' });
  await problems.saveRootCause(quality, id1, {
    category: 'system',
    analysis: 'Trạm phát không được nâng cấp khi số thuê bao tăng.',
    fiveWhys: [
      { why: 'Vì sao mất kết nối?', answer: 'Trạm quá tải' },
      { why: 'Vì sao quá tải?', answer: 'Thuê bao tăng gấp đôi' },
      { why: 'Vì sao không nâng cấp?', answer: 'Không có ngưỡng cảnh báo dung lượng' },
    ],
    fishbone: {
      people: [],
      machine: ['Trạm phát cũ'],
      material: [],
      method: ['Không có ngưỡng cảnh báo'],
      environment: [],
    },
  });
  await chainFor(id1, { name: 'Kỹ sư Trần Văn Hải', role: 'Nâng cấp trạm phát' });
  await toAction(id1);
  at(70);
  await doneAction(
    id1,
    'Nâng cấp trạm phát và đặt ngưỡng cảnh báo dung lượng',
    'Biên bản nghiệm thu trạm',
  );
  await problems.transition(quality, id1, { to: 'monitoring' });
  const clean = await problems.detail(orgId, id1, 'vi');
  clock.set(new Date(new Date(clean.monitoring.endsAt!).getTime() + DAY));
  await problems.evaluateWindow({ orgId, problemId: id1, endsAt: clean.monitoring.endsAt! });
  await problems.close(quality, id1, { override: false });

  // 2. Sent back: overcharges came back during the window.
  const billing: string[] = [];
  for (const daysAgo of [60, 58, 55])
    billing.push(
      await complaint(
        daysAgo,
        'billing.overcharge',
        'Hoá đơn tính phí hai lần',
        'Gói cước Internet',
      ),
    );
  at(54);
  const p2 = await problems.create(
    quality,
    {
      title: { vi: 'Tính phí hai lần khi đổi gói cước', en: 'Double charge on plan change' },
      description: {},
      reasonId: reasons.get('billing.overcharge') ?? null,
      products: [],
      orders: [],
      ownerId: people.quality.id,
      windowLength: 20,
      windowUnit: 'business_days',
      recurrenceThreshold: 0,
    },
    'vi',
  );
  const id2 = p2.problem.id;
  await problems.link(agent, id2, { complaintIds: billing, source: 'manual' });
  await problems.saveRootCause(quality, id2, {
    category: 'process',
    analysis: 'Đổi gói giữa kỳ không huỷ phí của gói cũ.',
    fiveWhys: [],
  });
  await chainFor(id2, { name: 'Chị Lê Thu Trang', role: 'Quy trình tính cước' });
  await toAction(id2);
  at(50);
  await doneAction(id2, 'Sửa quy trình đổi gói: huỷ phí gói cũ', 'Hướng dẫn mới gửi bộ phận cước');
  await problems.transition(quality, id2, { to: 'monitoring' });
  const again = await complaint(
    30,
    'billing.overcharge',
    'Lại bị tính phí hai lần',
    'Gói cước Internet',
  );
  await problems.link(agent, id2, { complaintIds: [again], source: 'suggestion' });
  const watched = await problems.detail(orgId, id2, 'vi');
  clock.set(new Date(watched.monitoring.endsAt!));
  await problems.evaluateWindow({ orgId, problemId: id2, endsAt: watched.monitoring.endsAt! });

  // 3. In analysis: defects reported this week.
  const defects: string[] = [];
  for (const daysAgo of [6, 5, 3])
    defects.push(
      await complaint(
        daysAgo,
        'product.defect',
        'Máy lọc không khí kêu to sau một tuần',
        'Máy lọc không khí',
      ),
    );
  at(2);
  const p3 = await problems.create(
    quality,
    {
      title: { vi: 'Máy lọc không khí kêu to', en: 'Air purifier is noisy' },
      description: { vi: 'Nghi lỗi quạt của lô hàng tháng này.' },
      reasonId: reasons.get('product.defect') ?? null,
      products: ['Máy lọc không khí'],
      orders: [],
      ownerId: people.quality.id,
      windowLength: 4,
      windowUnit: 'weeks',
      recurrenceThreshold: 1,
    },
    'vi',
  );
  const id3 = p3.problem.id;
  await problems.link(agent, id3, { complaintIds: defects, source: 'manual' });
  await chainFor(id3, { name: 'Anh Nguyễn Văn Tuấn', role: 'Kiểm tra lô hàng' });
  await problems.transition(quality, id3, { to: 'analysing' });
  await problems.createAction(quality, id3, {
    kind: 'preventive',
    description: 'Kiểm tra quạt của toàn bộ lô hàng trước khi giao',
    ownerId: people.responder.id,
    dueInBusinessDays: 5,
  });
}
