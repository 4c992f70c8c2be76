import type { Db } from '../platform/db/index.ts';
import { systemActor } from '../platform/actor.ts';
import type { Services } from './app.ts';
import { defaultCalendar, defaultPolicies } from '../modules/sla/index.ts';

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
  const calendar = await services.sla.createCalendar(
    org.id,
    systemActor,
    defaultCalendar(org.timeZone),
  );
  for (const policy of defaultPolicies) {
    await services.sla.createPolicy(org.id, systemActor, { ...policy, calendarId: calendar.id });
  }
  return org;
}
