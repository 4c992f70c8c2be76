import { z } from 'zod';
import { withFieldLabels } from '../../platform/contract/labels.ts';

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
  cc: z.array(z.string()),
  files: z.array(z.object({ filename: z.string(), sizeBytes: z.number() })),
});
export type MailboxItem = z.infer<typeof mailboxItem>;

/** GET /api/mailbox. */
export const mailboxQuery = z.object({
  complaintId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const mailboxList = z.object({ items: z.array(mailboxItem), transport: z.string() });

const label = (vi: string, en: string, zh: string) => ({ vi, en, zh });

/** An org's mail under its own name: GET /api/mail-settings. The DKIM key is never sent back. */
export const mailSettingsView = z.object({
  fromName: z.string().nullable(),
  fromAddress: z.string().nullable(),
  dkim: z.object({ domain: z.string(), selector: z.string() }).nullable(),
  /** Where customers write to the org (the SMTP listener's recipients); the first is Reply-To. */
  addresses: z.array(z.string()),
  /** `<slug>@<INBOUND_DOMAIN>`, which always works when the listener runs. */
  defaultAddress: z.string().nullable(),
  /** The platform's sender, used while the org has none. */
  platformFrom: z.string(),
  /** The TXT record to publish for the org's DKIM key, at `<selector>._domainkey.<domain>`. */
  dkimRecord: z.string().nullable(),
});
export type MailSettingsView = z.infer<typeof mailSettingsView>;

const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/);

/**
 * PUT /api/mail-settings. Without `dkim` the stored key stays; `dkim: null` stops signing; a DKIM
 * block without a key keeps the key already stored.
 */
export const updateMailSettingsRequest = withFieldLabels(
  z.object({
    fromName: z.string().trim().max(120).nullable(),
    fromAddress: z.email().max(254).nullable(),
    dkim: z
      .object({
        domain: domainName,
        selector: z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[a-z0-9](?:[a-z0-9._-]{0,61}[a-z0-9])?$/),
        privateKey: z.string().max(20_000).optional(),
      })
      .nullish(),
  }),
  {
    fromName: label('Tên người gửi', 'Sender name', '发件人名称'),
    fromAddress: label('Địa chỉ gửi', 'Sender address', '发件地址'),
    'dkim.domain': label('Tên miền DKIM', 'DKIM domain', 'DKIM 域名'),
    'dkim.selector': label('Selector DKIM', 'DKIM selector', 'DKIM 选择器'),
    'dkim.privateKey': label('Khóa riêng DKIM', 'DKIM private key', 'DKIM 私钥'),
  },
);

/** POST /api/mail-settings/addresses. */
export const mailAddressRequest = withFieldLabels(z.object({ address: z.email().max(254) }), {
  address: label('Địa chỉ nhận thư', 'Inbound address', '收件地址'),
});
