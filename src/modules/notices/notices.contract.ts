import { z } from 'zod';

export const noticeKind = z.enum([
  'sla_warning',
  'sla_breach',
  'escalation',
  'deadline_request',
  'deadline_answer',
  'commitment_due',
]);
export const noticeView = z.object({
  id: z.string(),
  kind: noticeKind,
  complaintId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NoticeView = z.infer<typeof noticeView>;
export type NoticeKind = z.infer<typeof noticeKind>;
export const noticeList = z.object({ items: z.array(noticeView), unread: z.number() });
