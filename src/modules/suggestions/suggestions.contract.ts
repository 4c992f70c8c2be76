import { z } from 'zod';
import { text, uuid } from '../../platform/contract/fields.ts';
import { withFieldLabels } from '../../platform/contract/labels.ts';
import { whyCodes } from './domain/suggest.ts';

/** Step 8's suggestions over HTTP: likely repeats and similar complaints, with why. */

export const suggestionProblem = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  status: z.string(),
});
export type SuggestionProblem = z.infer<typeof suggestionProblem>;

export const suggestionView = z.object({
  kind: z.enum(['repeat', 'similar']),
  complaint: z.object({
    id: z.string(),
    reference: z.string(),
    receivedAt: z.string(),
    status: z.string(),
    customerName: z.string().nullable(),
    /** The start of the description. */
    excerpt: z.string(),
  }),
  why: z.object({
    code: z.enum(whyCodes),
    /** Whole days since the suggested case was received. */
    days: z.number().int().optional(),
    /** Similarity of the text, 0–1, two decimals. */
    score: z.number().optional(),
  }),
  /** The open problem record the suggested case belongs to, if any. */
  problem: suggestionProblem.optional(),
});
export type SuggestionView = z.infer<typeof suggestionView>;

export const suggestionSettings = withFieldLabels(
  z.object({
    repeatDays: z.number().int().min(1).max(365),
    similarMonths: z.number().int().min(1).max(36),
    similarThreshold: z.number().min(0.1).max(0.95),
    similarThresholdCjk: z.number().min(0.1).max(0.95),
  }),
  {
    repeatDays: {
      vi: 'Số ngày tính là khiếu nại lặp lại',
      en: 'Days within which a case is a repeat',
      zh: '视为重复投诉的天数',
    },
    similarMonths: {
      vi: 'Số tháng tìm khiếu nại tương tự',
      en: 'Months searched for similar complaints',
      zh: '查找相似投诉的月数',
    },
    similarThreshold: {
      vi: 'Ngưỡng tương tự của nội dung',
      en: 'Text similarity threshold',
      zh: '文本相似度阈值',
    },
    similarThresholdCjk: {
      vi: 'Ngưỡng tương tự của nội dung tiếng Trung, Nhật, Hàn',
      en: 'Text similarity threshold for Chinese, Japanese and Korean',
      zh: '中日韩文本相似度阈值',
    },
  },
);
export type SuggestionSettingsView = z.infer<typeof suggestionSettings>;

export const suggestionList = z.object({
  items: z.array(suggestionView),
  /** What the suggestions mean: the windows and threshold in force, and the cap. */
  definition: suggestionSettings.extend({ max: z.number().int() }),
});
export type SuggestionList = z.infer<typeof suggestionList>;

/** A complaint being taken on the intake page, before it is saved. */
export const suggestionDraft = withFieldLabels(
  z.object({
    customerId: uuid.nullish(),
    email: text({ max: 320 }).nullish(),
    phone: text({ max: 64 }).nullish(),
    reasonId: uuid.nullish(),
    productRef: text({ max: 200 }).nullish(),
    orderRef: text({ max: 200 }).nullish(),
    description: text({ max: 20_000 }),
  }),
  {
    customerId: { vi: 'Khách hàng', en: 'Customer', zh: '客户' },
  },
);
export type SuggestionDraft = z.infer<typeof suggestionDraft>;
