import { z } from 'zod';

export const mailboxItem = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  kind: z.string(),
  status: z.enum(['queued', 'sent', 'kept', 'failed']),
  transport: z.string().nullable(),
  complaintId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type MailboxItem = z.infer<typeof mailboxItem>;

/** GET /api/mailbox. */
export const mailboxQuery = z.object({
  complaintId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const mailboxList = z.object({ items: z.array(mailboxItem), transport: z.string() });
