import { z } from 'zod';

/**
 * Why a mail was sent: step 1's acknowledgement, step 2's read-back, a message, a staff notice,
 * a security alert to staff, or a satisfaction survey.
 */
export const mailKindSchema = z.enum([
  'acknowledgement',
  'readback',
  'message',
  'notice',
  'security',
  'survey',
]);
export type MailKind = z.infer<typeof mailKindSchema>;
export const mailStatusSchema = z.enum(['queued', 'sent', 'kept', 'failed', 'bounced']);

export const mailboxItem = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  kind: z.string(),
  status: mailStatusSchema,
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
