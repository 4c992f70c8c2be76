import { z } from 'zod';
import { isoDate, isoInstant, text, uuid } from '../../platform/contract/fields.ts';
import { withFieldLabels } from '../../platform/contract/labels.ts';
import { winBackOutcomes, winBackTriggers } from './domain/win-back.ts';

const label = (vi: string, en: string, zh: string) => ({ vi, en, zh });
const noteLabel = label('Ghi chú', 'Note', '备注');
const outcomeLabel = label('Kết quả', 'Outcome', '结果');

export { winBackOutcomes, winBackTriggers } from './domain/win-back.ts';

export const winBackOutcomeSchema = z.enum(winBackOutcomes);

/** GET /api/win-back: the queue, filled on read. */
export const winBackQuery = z.object({
  status: z.enum(['open', 'closed', 'all']).default('open'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
});

export const winBackEntryView = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  complaintId: z.string(),
  trigger: z.enum(winBackTriggers),
  triggeredAt: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueAt: z.string(),
  attempts: z.number(),
  note: z.string().nullable(),
  outcome: winBackOutcomeSchema.nullable(),
  outcomeAt: z.string().nullable(),
  complaints: z.array(
    z.object({ id: z.string(), firstContactAt: z.string(), outcome: z.string() }),
  ),
  /** Minor units of `currency`: the 90 days before the complaint, and from it until now. */
  spendBeforeMinor: z.number(),
  spendAfterMinor: z.number(),
});
export type WinBackEntryView = z.infer<typeof winBackEntryView>;

export const winBackList = z.object({
  currency: z.string(),
  items: z.array(winBackEntryView),
});
export type WinBackList = z.infer<typeof winBackList>;

/** PATCH /api/win-back/:id: owner, due date, note, outcome (null reopens the entry). */
export const winBackUpdate = withFieldLabels(
  z.object({
    ownerId: uuid.nullable().optional(),
    dueAt: isoInstant.optional(),
    note: text({ max: 5000 }).nullable().optional(),
    outcome: winBackOutcomeSchema.nullable().optional(),
  }),
  {
    ownerId: label('Người phụ trách', 'Owner', '负责人'),
    dueAt: label('Hạn', 'Due', '截止'),
    note: noteLabel,
    outcome: outcomeLabel,
  },
);
export type WinBackUpdate = z.infer<typeof winBackUpdate>;

/** POST /api/win-back/:id/attempts: a call made, with what came of it. */
export const winBackAttempt = withFieldLabels(
  z.object({
    note: text({ max: 5000 }).nullable().optional(),
    outcome: winBackOutcomeSchema.nullable().optional(),
  }),
  { note: noteLabel, outcome: outcomeLabel },
);
export type WinBackAttempt = z.infer<typeof winBackAttempt>;

export const winBackSettingsView = withFieldLabels(
  z.object({
    noOrderDays: z.number().int().min(1).max(730),
    complaintMonths: z.number().int().min(1).max(36),
    dueDays: z.number().int().min(0).max(90),
  }),
  {
    noOrderDays: label('Số ngày không có đơn', 'Days without an order', '无订单天数'),
    complaintMonths: label(
      'Khiếu nại trong số tháng gần đây',
      'Complaint within the last months',
      '最近几个月内的投诉',
    ),
    dueDays: label('Số ngày đến hạn gọi', 'Days to the call’s due date', '距致电截止的天数'),
  },
);

export const winBackReportQuery = z.object({
  from: isoDate,
  to: isoDate,
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
});
export const winBackReport = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  closed: z.number(),
  byOutcome: z.record(winBackOutcomeSchema, z.number()),
  winBackRate: z.number().nullable(),
  revenueWonBackMinor: z.number(),
  definitions: z.object({ queue: z.string(), winBackRate: z.string(), revenueWonBack: z.string() }),
});
export type WinBackReport = z.infer<typeof winBackReport>;

/**
 * GET /api/win-back/:id/offer: what the caller may offer on the call. `amountMinor` is set only
 * when the caller may grant it alone; otherwise `decision` says who must approve, or that it is
 * refused.
 */
export const winBackOffer = z.object({
  type: z.literal('voucher'),
  currency: z.string(),
  /** The customer's spend in the 90 days before the complaint, the rule's basis. */
  basisMinor: z.number(),
  /** What the rule asks for, before authority. */
  wantedMinor: z.number(),
  /** What the caller may give alone: the wanted amount, or less under their limit. */
  amountMinor: z.number().nullable(),
  decision: z.enum(['allowed', 'needs_approval', 'refused']),
  limitMinor: z.number().nullable(),
  approverName: z.string().nullable(),
  reason: z.string().nullable(),
  rule: z.string(),
});
export type WinBackOffer = z.infer<typeof winBackOffer>;
