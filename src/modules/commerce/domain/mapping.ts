import { fold, isBlankCell, type CellValue } from './values.ts';

/** What an import brings in: one kind per file. */
export const importKinds = [
  'customers',
  'orders',
  'subscription_events',
  'referrals',
  'complaints',
] as const;
export type ImportKind = (typeof importKinds)[number];

/**
 * The fields a file's columns can fill, per kind, with the header names people give them in
 * Vietnamese, English and Chinese. A field is a path in the row the bulk API takes
 * (`customer.phone`), except `amount`, which a file writes in major units.
 */
const customerWords = {
  externalId: [
    'Mã khách hàng',
    'Mã KH',
    'Customer ID',
    'Customer code',
    'Customer no',
    '客户编号',
    '客户ID',
    '客户代码',
  ],
  phone: [
    'Số điện thoại',
    'Điện thoại',
    'SĐT',
    'Di động',
    'Phone',
    'Phone number',
    'Mobile',
    'Telephone',
    'Tel',
    '电话',
    '电话号码',
    '手机',
    '手机号',
    '联系电话',
  ],
  email: [
    'Email',
    'E-mail',
    'Thư điện tử',
    'Địa chỉ email',
    'Mail',
    '邮箱',
    '电子邮件',
    '电子邮箱',
  ],
  name: [
    'Tên khách hàng',
    'Khách hàng',
    'Họ tên',
    'Họ và tên',
    'Tên',
    'Customer',
    'Customer name',
    'Name',
    'Full name',
    '客户',
    '客户姓名',
    '客户名称',
    '姓名',
  ],
};

const prefixed = (
  prefix: string,
  words: Record<string, string[]>,
  decorate?: { vi: string; en: string; zh: string },
) =>
  Object.fromEntries(
    Object.entries(words).map(([k, list]) => [
      `${prefix}.${k}`,
      decorate
        ? list.flatMap((w) => [
            `${w} ${decorate.vi}`,
            `${decorate.en} ${w}`,
            `${w} ${decorate.en}`,
            `${decorate.zh}${w}`,
          ])
        : list,
    ]),
  );

const amount = [
  'Số tiền',
  'Thành tiền',
  'Tổng tiền',
  'Giá trị',
  'Tổng cộng',
  'Amount',
  'Total',
  'Value',
  'Price',
  '金额',
  '总金额',
  '总额',
  '价格',
];
const currency = ['Loại tiền', 'Tiền tệ', 'Đơn vị tiền', 'Currency', '币种', '货币'];
const date = ['Ngày', 'Thời gian', 'Date', 'Time', '日期', '时间'];

export const importFields: Record<ImportKind, Record<string, string[]>> = {
  orders: {
    externalId: [
      'Mã đơn hàng',
      'Mã đơn',
      'Số đơn hàng',
      'Số đơn',
      'Mã hóa đơn',
      'Order ID',
      'Order number',
      'Order no',
      'Order',
      '订单号',
      '订单编号',
      '订单',
    ],
    orderedAt: [
      'Ngày đặt hàng',
      'Ngày đặt',
      'Ngày mua',
      ...date,
      'Order date',
      '下单日期',
      '订单日期',
      '下单时间',
    ],
    amount,
    currency,
    channel: [
      'Kênh',
      'Kênh bán',
      'Cửa hàng',
      'Chi nhánh',
      'Channel',
      'Store',
      'Shop',
      '渠道',
      '门店',
      '销售渠道',
    ],
    ...prefixed('customer', customerWords),
  },
  subscription_events: {
    externalId: [
      'Mã sự kiện',
      'Mã giao dịch',
      'Event ID',
      'Transaction ID',
      '事件编号',
      '交易编号',
    ],
    subscriptionRef: [
      'Mã thuê bao',
      'Mã hợp đồng',
      'Số hợp đồng',
      'Subscription ID',
      'Subscription',
      'Contract',
      '订阅编号',
      '合同号',
      '订阅',
    ],
    kind: [
      'Loại sự kiện',
      'Sự kiện',
      'Loại',
      'Event',
      'Event type',
      'Type',
      'Kind',
      '事件类型',
      '类型',
      '事件',
    ],
    plan: ['Gói', 'Gói cước', 'Plan', 'Package', '套餐', '计划'],
    amount,
    currency,
    occurredAt: [...date, 'Ngày sự kiện', 'Event date', '事件日期'],
    ...prefixed('customer', customerWords),
  },
  referrals: {
    externalId: ['Mã giới thiệu', 'Referral ID', 'Referral', '推荐编号'],
    referredAt: [...date, 'Ngày giới thiệu', 'Referral date', '推荐日期'],
    ...prefixed('referrer', customerWords, {
      vi: 'người giới thiệu',
      en: 'Referrer',
      zh: '推荐人',
    }),
    'referrer.name': ['Người giới thiệu', 'Referrer', 'Referred by', '推荐人'],
    ...prefixed('referred', customerWords, {
      vi: 'người được giới thiệu',
      en: 'Referred',
      zh: '被推荐人',
    }),
    'referred.name': [
      'Người được giới thiệu',
      'Khách được giới thiệu',
      'Referred',
      'Referred customer',
      'Referee',
      '被推荐人',
    ],
  },
  customers: {
    ...customerWords,
    tier: [
      'Hạng',
      'Hạng khách hàng',
      'Hạng thành viên',
      'Tier',
      'Level',
      'Membership',
      '等级',
      '会员等级',
    ],
    customerSince: [
      'Khách hàng từ',
      'Ngày tham gia',
      'Ngày đăng ký',
      'Customer since',
      'Joined',
      'Since',
      '注册日期',
      '加入日期',
    ],
    preferredLanguage: ['Ngôn ngữ', 'Language', '语言'],
  },
  complaints: {
    externalId: [
      'Mã khiếu nại',
      'Số khiếu nại',
      'Mã phiếu',
      'Số phiếu',
      'Mã vụ việc',
      'Mã ticket',
      'Complaint ID',
      'Case ID',
      'Case number',
      'Ticket ID',
      'Ticket',
      '投诉编号',
      '工单号',
      '工单编号',
      '案件编号',
    ],
    openedAt: [
      'Ngày tiếp nhận',
      'Thời gian tiếp nhận',
      'Ngày khiếu nại',
      'Ngày mở',
      ...date,
      'Opened',
      'Opened at',
      'Date opened',
      'Created',
      'Created at',
      '受理日期',
      '受理时间',
      '投诉日期',
      '创建时间',
    ],
    channel: ['Kênh', 'Kênh tiếp nhận', 'Nguồn', 'Channel', 'Source', '渠道', '受理渠道', '来源'],
    reason: [
      'Lý do',
      'Lý do khiếu nại',
      'Loại khiếu nại',
      'Phân loại',
      'Reason',
      'Category',
      'Type',
      '投诉原因',
      '原因',
      '投诉类型',
      '类别',
    ],
    description: [
      'Nội dung',
      'Nội dung khiếu nại',
      'Mô tả',
      'Chi tiết',
      'Description',
      'Details',
      'Summary',
      'Content',
      '投诉内容',
      '描述',
      '内容',
      '详情',
    ],
    department: ['Phòng ban', 'Bộ phận', 'Department', 'Team', '部门', '负责部门'],
    assignee: [
      'Người phụ trách',
      'Người xử lý',
      'Nhân viên xử lý',
      'Phụ trách',
      'Assignee',
      'Assigned to',
      'Owner',
      'Agent',
      '负责人',
      '处理人',
      '经办人',
    ],
    status: ['Trạng thái', 'Tình trạng', 'Status', 'State', '状态', '处理状态'],
    fixedAt: [
      'Ngày khắc phục',
      'Ngày giải quyết',
      'Ngày xử lý xong',
      'Fixed',
      'Fixed at',
      'Resolved',
      'Resolved at',
      'Date resolved',
      '解决日期',
      '解决时间',
      '处理完成时间',
    ],
    closedAt: [
      'Ngày đóng',
      'Ngày kết thúc',
      'Closed',
      'Closed at',
      'Date closed',
      '关闭日期',
      '关闭时间',
      '结案日期',
    ],
    ...prefixed('customer', customerWords),
  },
};

/** The fields a row of the kind cannot do without (besides a way to find the customer). */
export const requiredFields: Record<ImportKind, string[]> = {
  orders: ['externalId', 'orderedAt', 'amount'],
  subscription_events: ['externalId', 'subscriptionRef', 'kind', 'occurredAt'],
  referrals: ['externalId', 'referredAt'],
  customers: [],
  complaints: ['externalId', 'openedAt', 'description'],
};

const compact = (s: string) => fold(s).replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The field a header names: an exact name first (ignoring case, diacritics, spaces and
 * punctuation), else the longest known name it contains.
 */
function fieldOfHeader(
  header: string,
  kind: ImportKind,
): { field: string; exact: boolean } | undefined {
  const h = compact(header);
  if (h === '') return undefined;
  let best: { field: string; length: number } | undefined;
  for (const [field, words] of Object.entries(importFields[kind])) {
    for (const w of words) {
      const c = compact(w);
      if (c === h) return { field, exact: true };
      if (c.length >= 2 && h.includes(c) && (!best || c.length > best.length))
        best = { field, length: c.length };
    }
  }
  return best ? { field: best.field, exact: false } : undefined;
}

/** A mapping: for each column (by position), the field it fills, or null to leave it out. */
export type ColumnMapping = (string | null)[];

/** The proposed mapping of a header: exact names win; each field is filled by one column. */
export function proposeMapping(headers: readonly string[], kind: ImportKind): ColumnMapping {
  const found = headers.map((h) => fieldOfHeader(h, kind));
  const taken = new Set<string>();
  const out: ColumnMapping = headers.map(() => null);
  for (const pass of [true, false])
    found.forEach((f, i) => {
      if (f && f.exact === pass && !taken.has(f.field) && out[i] === null) {
        out[i] = f.field;
        taken.add(f.field);
      }
    });
  return out;
}

/**
 * The header row among the first rows of a sheet: the one whose cells name the most known
 * fields (a merged title row above it names none); with no known names, the first row with
 * two or more filled cells.
 */
export function findHeaderRow(rows: readonly (readonly CellValue[])[], kind: ImportKind): number {
  let best = { index: -1, score: 0 };
  rows.slice(0, 20).forEach((row, index) => {
    const names = row.filter((c): c is string => typeof c === 'string' && c.trim() !== '');
    const score = new Set(names.map((n) => fieldOfHeader(n, kind)?.field).filter(Boolean)).size;
    if (score > best.score) best = { index, score };
  });
  if (best.index >= 0) return best.index;
  const filled = rows.findIndex((r) => r.filter((c) => !isBlankCell(c)).length >= 2);
  return Math.max(0, filled);
}

/** Column names made unique and never blank, so that a person can tell them apart. */
export function columnNames(header: readonly CellValue[]): string[] {
  const seen = new Map<string, number>();
  return header.map((cell, i) => {
    const base =
      typeof cell === 'string' && cell.trim() !== ''
        ? cell.trim()
        : cell === null
          ? ''
          : String(cell);
    const name = base === '' ? `#${i + 1}` : base;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

/** The fields a mapping leaves unfilled that the kind needs. */
export function missingFields(mapping: ColumnMapping, kind: ImportKind): string[] {
  const mapped = new Set(mapping.filter((m): m is string => m !== null));
  const missing = requiredFields[kind].filter((f) => !mapped.has(f));
  const who = kind === 'referrals' ? ['referrer', 'referred'] : ['customer'];
  for (const w of who) {
    const prefix = kind === 'customers' ? '' : `${w}.`;
    if (!['externalId', 'phone', 'email'].some((p) => mapped.has(`${prefix}${p}`)))
      missing.push(`${prefix}phone`);
  }
  if (kind === 'customers' && !mapped.has('name')) missing.push('name');
  return missing;
}
