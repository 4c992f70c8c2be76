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
