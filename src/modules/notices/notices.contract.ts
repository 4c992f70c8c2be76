import { z } from 'zod';

export const noticeKind = z.enum([
  'sla_warning',
  'sla_breach',
  'escalation',
  'deadline_request',
  'deadline_answer',
  'commitment_due',
  // Step 6: a follow-up task is yours; a case came to you before the customer had to ask.
  'follow_up',
  'early_escalation',
  // Step 8: an action's clocks, and the end of a problem's monitoring window.
  'problem_action_warning',
  'problem_action_overdue',
  'problem_action_escalation',
  'problem_recurred',
  'problem_ready_to_close',
  // An org's webhook endpoint was switched off after failing again and again.
  'webhook_disabled',
]);
export const noticeView = z.object({
  id: z.string(),
  kind: noticeKind,
  complaintId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  /**
   * One entry stands for the notices of one case and kind: `id`, `data` and `createdAt` are the
   * latest one's; `readAt` is null while any of them is unread.
   */
  createdAt: z.string(),
  readAt: z.string().nullable(),
  count: z.number().int().min(1),
  unreadCount: z.number().int().min(0),
  firstAt: z.string(),
  /** The clocks the group's notices are about, in the loop's order. */
  clocks: z.array(z.string()),
});
export type NoticeView = z.infer<typeof noticeView>;
export type NoticeKind = z.infer<typeof noticeKind>;
/** `unread` counts the entries (groups) with an unread notice: the number on the bell. */
export const noticeList = z.object({ items: z.array(noticeView), unread: z.number() });

/** GET /api/notices. */
export const noticeListQuery = z.object({
  unread: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
/** POST /api/notices/read. */
export const markNoticesReadRequest = z.object({
  ids: z.union([z.array(z.uuid()).max(500), z.literal('all')]),
});
export const noticesMarkedRead = z.object({ ok: z.literal(true) });
/** GET /api/live (server-sent events): complaints to follow besides the person's own notices. */
export const liveQuery = z.object({
  complaint: z.union([z.uuid(), z.array(z.uuid()).max(20)]).optional(),
});
