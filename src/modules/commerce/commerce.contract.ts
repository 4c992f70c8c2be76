import { z } from 'zod';
import {
  currencySchema,
  isoDate,
  isoInstant,
  optionalText,
  requiredText,
  text,
} from '../../platform/contract/fields.ts';
import { withFieldLabels, type FieldLabels, type Label } from '../../platform/contract/labels.ts';
import { channelSchema } from '../kernel/kernel.contract.ts';

const label = (vi: string, en: string, zh: string): Label => ({ vi, en, zh });

/** The most rows one bulk request may carry. */
export const BULK_MAX_ROWS = 1000;

/**
 * Who a row is about: the source system's own id for the customer, a phone number or an
 * e-mail, matched by the customers' rules. A name is needed only to create someone new.
 */
export const customerRef = z.object({
  externalId: text({ min: 1, max: 100 }).nullish(),
  phone: text({ max: 30 }).nullish(),
  email: z.email().max(254).nullish(),
  name: optionalText(200),
});
export type CustomerRef = z.infer<typeof customerRef>;

const externalId = requiredText(200);
/** A time as an ISO instant, or a day (read as midnight in the org's time zone). */
const when = z.union([isoInstant, isoDate]);
const amountMinor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const customerLabels = (prefix: string, who: Label): FieldLabels => ({
  [`${prefix}.externalId`]: label(
    `Mã khách hàng (${who.vi})`,
    `Customer ID (${who.en})`,
    `客户编号（${who.zh}）`,
  ),
  [`${prefix}.phone`]: label(
    `Số điện thoại (${who.vi})`,
    `Phone number (${who.en})`,
    `电话号码（${who.zh}）`,
  ),
  [`${prefix}.email`]: label(`Email (${who.vi})`, `E-mail (${who.en})`, `电子邮件（${who.zh}）`),
  [`${prefix}.name`]: label(
    `Tên khách hàng (${who.vi})`,
    `Customer name (${who.en})`,
    `客户姓名（${who.zh}）`,
  ),
});
const customer = label('khách hàng', 'customer', '客户');

export const orderRow = withFieldLabels(
  z.object({
    externalId,
    customer: customerRef,
    orderedAt: when,
    amountMinor,
    currency: currencySchema,
    channel: optionalText(200),
  }),
  {
    externalId: label('Mã đơn hàng', 'Order ID', '订单号'),
    orderedAt: label('Ngày đặt hàng', 'Order date', '下单日期'),
    amountMinor: label('Số tiền', 'Amount', '金额'),
    currency: label('Loại tiền', 'Currency', '币种'),
    channel: label('Kênh bán', 'Sales channel', '销售渠道'),
    ...customerLabels('customer', customer),
  },
);
export type OrderRow = z.infer<typeof orderRow>;

export const subscriptionKinds = ['start', 'renew', 'cancel'] as const;
export const subscriptionEventRow = withFieldLabels(
  z
    .object({
      externalId,
      customer: customerRef,
      subscriptionRef: requiredText(200),
      kind: z.enum(subscriptionKinds),
      plan: optionalText(200),
      amountMinor: amountMinor.nullish(),
      currency: currencySchema.nullish(),
      occurredAt: when,
    })
    .refine((r) => (r.amountMinor == null) === (r.currency == null), {
      message: 'field.amount_needs_currency',
      path: ['currency'],
    }),
  {
    externalId: label('Mã sự kiện', 'Event ID', '事件编号'),
    subscriptionRef: label('Mã thuê bao', 'Subscription ID', '订阅编号'),
    kind: label('Loại sự kiện', 'Event type', '事件类型'),
    plan: label('Gói', 'Plan', '套餐'),
    amountMinor: label('Số tiền', 'Amount', '金额'),
    currency: label('Loại tiền', 'Currency', '币种'),
    occurredAt: label('Ngày', 'Date', '日期'),
    ...customerLabels('customer', customer),
  },
);
export type SubscriptionEventRow = z.infer<typeof subscriptionEventRow>;

export const referralRow = withFieldLabels(
  z.object({
    externalId,
    referrer: customerRef,
    referred: customerRef,
    referredAt: when,
  }),
  {
    externalId: label('Mã giới thiệu', 'Referral ID', '推荐编号'),
    referredAt: label('Ngày giới thiệu', 'Referral date', '推荐日期'),
    ...customerLabels('referrer', label('người giới thiệu', 'referrer', '推荐人')),
    ...customerLabels('referred', label('người được giới thiệu', 'referred', '被推荐人')),
  },
);
export type ReferralRow = z.infer<typeof referralRow>;

/** The status a historical complaint stands in when it is imported. */
export const historicalStatuses = ['open', 'fixed', 'closed'] as const;

/**
 * A historical complaint from a file (import only): the source system's case id, its customer,
 * when it was opened and how it ended. A blank channel is `phone`; a blank status is read from
 * the times (closed at → closed, fixed at → fixed, else open).
 */
export const complaintImportRow = withFieldLabels(
  z.object({
    externalId,
    customer: customerRef,
    openedAt: when,
    channel: channelSchema.default('phone'),
    reason: optionalText(200),
    description: requiredText(20_000),
    department: optionalText(200),
    assignee: optionalText(254),
    status: z.enum(historicalStatuses).nullish(),
    fixedAt: when.nullish(),
    closedAt: when.nullish(),
  }),
  {
    externalId: label('Mã khiếu nại', 'Case ID', '投诉编号'),
    openedAt: label('Ngày tiếp nhận', 'Opened at', '受理时间'),
    channel: label('Kênh tiếp nhận', 'Channel', '受理渠道'),
    reason: label('Lý do khiếu nại', 'Reason', '投诉原因'),
    description: label('Nội dung khiếu nại', 'Description', '投诉内容'),
    department: label('Phòng ban', 'Department', '部门'),
    assignee: label('Người phụ trách', 'Assignee', '负责人'),
    status: label('Trạng thái', 'Status', '状态'),
    fixedAt: label('Ngày khắc phục', 'Fixed at', '解决时间'),
    closedAt: label('Ngày đóng', 'Closed at', '关闭时间'),
    ...customerLabels('customer', customer),
  },
);
export type ComplaintImportRow = z.infer<typeof complaintImportRow>;

/** The envelope the server validates: each row is checked on its own, so one bad row stops nothing. */
export const bulkBody = z.object({ rows: z.array(z.unknown()).min(1).max(BULK_MAX_ROWS) });
/** The envelope as the API document describes it, with the shape of a row. */
export const bulkDocumented = <T extends z.ZodType>(row: T) =>
  z.object({ rows: z.array(row).min(1).max(BULK_MAX_ROWS) });

export const rowStatuses = ['created', 'updated', 'unchanged', 'refused'] as const;
export type RowStatus = (typeof rowStatuses)[number];
export const rowError = z.object({ field: z.string(), message: z.string() });
export type RowError = z.infer<typeof rowError>;
export const bulkRowResult = z.object({
  index: z.number(),
  externalId: z.string().nullable(),
  status: z.enum(rowStatuses),
  errors: z.array(rowError).optional(),
});
export type BulkRowResult = z.infer<typeof bulkRowResult>;
export const bulkResult = z.object({
  results: z.array(bulkRowResult),
  counts: z.object({
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    refused: z.number(),
  }),
});
export type BulkResult = z.infer<typeof bulkResult>;

const money = z.object({ currency: z.string(), amountMinor: z.number() });

/** One customer's commerce (GET /api/customers/:id/commerce), newest first. */
export const customerCommerce = z.object({
  orders: z.array(
    z.object({
      id: z.string(),
      externalId: z.string(),
      orderedAt: z.string(),
      amountMinor: z.number(),
      currency: z.string(),
      channel: z.string().nullable(),
    }),
  ),
  subscriptions: z.array(
    z.object({
      subscriptionRef: z.string(),
      state: z.enum(['active', 'cancelled']),
      plan: z.string().nullable(),
      startedAt: z.string().nullable(),
      lastEventAt: z.string(),
      events: z.array(
        z.object({
          id: z.string(),
          externalId: z.string(),
          kind: z.enum(subscriptionKinds),
          plan: z.string().nullable(),
          amountMinor: z.number().nullable(),
          currency: z.string().nullable(),
          occurredAt: z.string(),
        }),
      ),
    }),
  ),
  referrals: z.array(
    z.object({
      id: z.string(),
      externalId: z.string(),
      direction: z.enum(['referred_someone', 'was_referred']),
      otherCustomerId: z.string(),
      otherCustomerName: z.string(),
      referredAt: z.string(),
    }),
  ),
  totals: z.object({
    orderCount: z.number(),
    spend: z.array(money),
    referredCount: z.number(),
  }),
});
export type CustomerCommerce = z.infer<typeof customerCommerce>;

export const importKindSchema = z.enum([
  'customers',
  'orders',
  'subscription_events',
  'referrals',
  'complaints',
]);
export const importStatuses = ['uploaded', 'queued', 'running', 'done', 'failed'] as const;

/** A row of a dry run or a refused row of a real one: its line in the file and the reasons. */
export const importRowResult = z.object({
  row: z.number(),
  externalId: z.string().nullable(),
  status: z.enum(rowStatuses),
  errors: z.array(rowError).optional(),
});
export type ImportRowResult = z.infer<typeof importRowResult>;

/** An import as the page shows it (GET /api/imports/:id), with its progress. */
export const importView = z.object({
  id: z.string(),
  kind: importKindSchema,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  status: z.enum(importStatuses),
  columns: z.array(z.string()),
  mapping: z.array(z.string().nullable()),
  /** The fields a column can fill for this kind, and the ones the mapping still lacks. */
  fields: z.array(z.string()),
  missing: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  totalRows: z.number(),
  rowsDone: z.number(),
  counts: bulkResult.shape.counts,
  refusals: z.array(importRowResult),
  etaSeconds: z.number().nullable(),
  failure: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportView = z.infer<typeof importView>;
export const importList = z.object({ items: z.array(importView.omit({ sample: true })) });

export const importUploadForm = z.object({
  kind: importKindSchema,
  file: z.string().meta({ format: 'binary' }),
});

export const importMappingRequest = withFieldLabels(
  z.object({ mapping: z.array(z.string().max(100).nullable()).max(500) }),
  { mapping: label('Ghép cột', 'Column mapping', '列映射') },
);
export type ImportMappingRequest = z.infer<typeof importMappingRequest>;

/** What a dry run found, row by row (the first rows, when the file is long). */
export const dryRunResult = z.object({
  totalRows: z.number(),
  checkedRows: z.number(),
  counts: bulkResult.shape.counts,
  rows: z.array(importRowResult),
});
export type DryRunResult = z.infer<typeof dryRunResult>;
