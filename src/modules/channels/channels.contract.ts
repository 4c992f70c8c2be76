import { z } from 'zod';
import { withFieldLabels } from '../../platform/contract/labels.ts';

/** What the pipeline made of an inbound mail. */
export const inboundOutcomes = [
  /** A new complaint. */
  'created',
  /** A message on an existing case (threaded by Message-ID, or by reference from its customer). */
  'joined',
  /** A new complaint that names another customer's case: marked as possibly related to it. */
  'related',
  'auto_reply',
  'own_address',
  'no_sender',
  /** A delivery report: the mail it names is marked as bounced. */
  'bounce',
] as const;
export type InboundOutcome = (typeof inboundOutcomes)[number];

/** The one JSON line `ombud mail:receive` prints. */
export const receiveResult = z.object({
  reference: z.string().nullable(),
  complaintId: z.string().nullable(),
  /** True when this mail made a new complaint (false for a reply that joined, and for a duplicate). */
  created: z.boolean(),
  messageId: z.string().nullable(),
  outcome: z.enum(inboundOutcomes),
  /** The kept mail (for a duplicate, the first one). */
  inboundId: z.string(),
  isDuplicate: z.boolean(),
});
export type ReceiveResult = z.infer<typeof receiveResult>;

/** An inbound mail as kept: what was shown on the case, and the whole of it. */
export const inboundMailView = z.object({
  id: z.string(),
  complaintId: z.string().nullable(),
  relatedComplaintId: z.string().nullable(),
  outcome: z.enum(inboundOutcomes),
  messageId: z.string().nullable(),
  fromAddress: z.string().nullable(),
  fromName: z.string(),
  subject: z.string(),
  /** The text as the customer sent it, quoted thread and signature included. */
  textFull: z.string(),
  /** The text shown on the case: without the quoted thread and the signature. */
  textShown: z.string(),
  attachments: z.array(
    z.object({
      filename: z.string(),
      contentType: z.string(),
      size: z.number(),
      isInline: z.boolean(),
      /** The case file it became; null for mail that made no case, or a refused file. */
      attachmentId: z.string().nullable(),
      /** Why it was not kept: its type, its size, or the case's or org's quota. */
      refused: z.enum(['type', 'too_large', 'quota']).nullable(),
    }),
  ),
  receivedAt: z.string(),
});
export type InboundMailView = z.infer<typeof inboundMailView>;
export const inboundMailList = z.object({ items: z.array(inboundMailView) });

const label = (vi: string, en: string, zh: string) => ({ vi, en, zh });

/** An org's IMAP mailbox as admins see it; the password is never sent back. */
export const mailboxView = z.object({
  host: z.string(),
  port: z.number(),
  isSecure: z.boolean(),
  username: z.string(),
  folder: z.string(),
  /** Fetched mail is moved here; without one it stays where it was and gets a keyword. */
  processedFolder: z.string().nullable(),
  isEnabled: z.boolean(),
  lastPolledAt: z.string().nullable(),
  lastError: z.string().nullable(),
  receivedCount: z.number(),
});
export type MailboxView = z.infer<typeof mailboxView>;
export const mailboxResponse = z.object({ mailbox: mailboxView.nullable() });

/** PUT /api/mail-settings/mailbox. An empty password keeps the stored one. */
export const mailboxInput = withFieldLabels(
  z.object({
    host: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9.:-]{1,253}$/),
    port: z.coerce.number().int().min(1).max(65535).default(993),
    isSecure: z.boolean().default(true),
    username: z.string().trim().min(1).max(254),
    password: z.string().max(1000).optional(),
    folder: z.string().trim().min(1).max(200).default('INBOX'),
    processedFolder: z.string().trim().min(1).max(200).nullish(),
    isEnabled: z.boolean().default(true),
  }),
  {
    host: label('Máy chủ IMAP', 'IMAP server', 'IMAP 服务器'),
    port: label('Cổng', 'Port', '端口'),
    username: label('Tên đăng nhập', 'User name', '用户名'),
    password: label('Mật khẩu', 'Password', '密码'),
    folder: label('Thư mục', 'Folder', '文件夹'),
    processedFolder: label('Thư mục đã xử lý', 'Folder for fetched mail', '已处理文件夹'),
  },
);
export type MailboxInput = z.infer<typeof mailboxInput>;
export const pollResult = z.object({ received: z.number(), error: z.string().nullable() });
