import type { Db } from '../platform/db/index.ts';
import { systemActor } from '../platform/actor.ts';
import type { Services } from './app.ts';
import type { PolicyInput } from '../modules/sla/index.ts';

const officeDay: [string, string][] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];

type ReasonSeed = { code: string; vi: string; en: string; zh: string; children?: ReasonSeed[] };

/** A starting taxonomy of complaint reasons for a service business; admins change it freely. */
export const defaultReasons: ReasonSeed[] = [
  {
    code: 'delivery',
    vi: 'Giao hàng',
    en: 'Delivery',
    zh: '配送',
    children: [
      { code: 'delivery.late', vi: 'Giao hàng chậm', en: 'Late delivery', zh: '配送延迟' },
      {
        code: 'delivery.damaged',
        vi: 'Hàng bị hư hỏng khi giao',
        en: 'Damaged in delivery',
        zh: '配送中损坏',
      },
      {
        code: 'delivery.wrong_item',
        vi: 'Giao sai hàng',
        en: 'Wrong item delivered',
        zh: '发错货',
      },
    ],
  },
  {
    code: 'billing',
    vi: 'Thanh toán và hóa đơn',
    en: 'Billing and payment',
    zh: '账单与付款',
    children: [
      { code: 'billing.overcharge', vi: 'Tính tiền sai', en: 'Overcharged', zh: '多收费' },
      { code: 'billing.refund', vi: 'Hoàn tiền chậm', en: 'Slow refund', zh: '退款慢' },
    ],
  },
  {
    code: 'product',
    vi: 'Chất lượng sản phẩm',
    en: 'Product quality',
    zh: '产品质量',
    children: [
      { code: 'product.defect', vi: 'Sản phẩm lỗi', en: 'Defective product', zh: '产品缺陷' },
      { code: 'product.warranty', vi: 'Bảo hành', en: 'Warranty', zh: '保修' },
    ],
  },
  {
    code: 'service',
    vi: 'Thái độ phục vụ',
    en: 'Staff and service',
    zh: '服务态度',
    children: [
      {
        code: 'service.attitude',
        vi: 'Nhân viên thiếu lịch sự',
        en: 'Impolite staff',
        zh: '员工态度差',
      },
      {
        code: 'service.no_callback',
        vi: 'Không gọi lại như đã hứa',
        en: 'No call-back as promised',
        zh: '未按承诺回电',
      },
    ],
  },
  {
    code: 'technical',
    vi: 'Sự cố kỹ thuật',
    en: 'Technical problem',
    zh: '技术故障',
    children: [
      { code: 'technical.outage', vi: 'Mất kết nối dịch vụ', en: 'Service outage', zh: '服务中断' },
      {
        code: 'technical.app',
        vi: 'Lỗi ứng dụng/website',
        en: 'App or website error',
        zh: '应用或网站错误',
      },
    ],
  },
];

/** Creates an org ready to use: default reasons and the message templates in three languages. */
export async function provisionOrg(
  db: Db,
  services: Services,
  input: {
    slug: string;
    name: string;
    referencePrefix?: string;
    defaultLanguage?: string;
    timeZone?: string;
  },
) {
  const org = await services.org.createOrg(input);
  await services.templates.installDefaults(db, org.id);
  const insert = async (seeds: ReasonSeed[], parentId: string | null) => {
    let order = 0;
    for (const seed of seeds) {
      const reason = await services.reasons.create(org.id, systemActor, {
        parentId,
        code: seed.code,
        names: { vi: seed.vi, en: seed.en, zh: seed.zh },
        active: true,
        sortOrder: order++,
      });
      if (seed.children) await insert(seed.children, reason.id);
    }
  };
  await insert(defaultReasons, null);
  const calendar = await services.sla.createCalendar(org.id, systemActor, {
    name: 'Giờ hành chính',
    timeZone: org.timeZone,
    weeklyHours: {
      mon: officeDay,
      tue: officeDay,
      wed: officeDay,
      thu: officeDay,
      fri: officeDay,
      sat: [],
      sun: [],
    },
    dateHours: {},
    holidays: [],
    holidayCountry: 'VN',
    holidayOverrides: [],
    customHolidays: [],
    isDefault: true,
  });
  const policy = (
    name: string,
    priority: number,
    severities: ('high' | 'critical')[],
    targets: PolicyInput['targets'],
  ): PolicyInput => ({
    name,
    priority,
    match: { reasonIds: [], severities, channels: [], tiers: [] },
    calendarId: calendar.id,
    targets,
    internalTargets: {
      deadline_request: { amount: 30, unit: 'business_minutes' },
      approval: { amount: 4, unit: 'business_hours' },
    },
    warnAtPercent: 75,
    pauseStatuses: ['waiting_customer'],
    pausedClocks: ['first_response', 'next_update', 'commitment', 'fix'],
    startRule: 'receipt',
    escalation: [
      { level: 1, afterMinutes: 0 },
      { level: 2, afterMinutes: 240 },
    ],
    preset: null,
    active: true,
  });
  await services.sla.createPolicy(
    org.id,
    systemActor,
    policy('Tiêu chuẩn', 100, [], {
      acknowledge: { amount: 1, unit: 'business_hours' },
      first_response: { amount: 4, unit: 'business_hours' },
      next_update: { amount: 2, unit: 'business_days' },
      commitment: { amount: 1, unit: 'business_days' },
    }),
  );
  await services.sla.createPolicy(
    org.id,
    systemActor,
    policy('Khẩn cấp', 10, ['high', 'critical'], {
      acknowledge: { amount: 30, unit: 'business_minutes' },
      first_response: { amount: 1, unit: 'business_hours' },
      next_update: { amount: 1, unit: 'business_days' },
      commitment: { amount: 4, unit: 'business_hours' },
    }),
  );
  return org;
}
