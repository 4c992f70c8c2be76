import { simpleParser, type AddressObject, type HeaderValue } from 'mailparser';
import { messageIdsIn, type InboundHeaders } from './domain/inbound-rules.ts';

/** One inbound message as the pipeline reads it: decoded, in Unicode NFC. */
export type ParsedInbound = {
  messageId: string | undefined;
  inReplyTo: string[];
  references: string[];
  subject: string;
  from: { address: string | undefined; name: string };
  to: string[];
  date: Date | undefined;
  /** The plain text (from the HTML when the mail has none), NFC. */
  text: string;
  html: string | undefined;
  attachments: {
    filename: string;
    contentType: string;
    size: number;
    contentId: string | undefined;
    isInline: boolean;
    /** The decoded bytes; never kept in the mail's record (the raw message holds them). */
    content: Buffer;
  }[];
  headers: InboundHeaders;
  /** For a delivery report: the Message-IDs of the mail it reports on. */
  reportedMessageIds: string[];
};

/** The largest raw message read: past it the mail is refused, not cut. */
export const MAX_RAW_BYTES = 25 * 1024 * 1024;

// Windows-1258 and other decoders can leave Vietnamese marks decomposed (a + U+0301); search
// and display need them composed. Control characters other than tab and newline go too.
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const clean = (value: string): string => value.normalize('NFC').replace(CONTROL, '');

const headerText = (value: HeaderValue | undefined): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object' && 'value' in value && typeof value.value === 'string')
    return value.value;
  return String(value);
};

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list
    .flatMap((a) => a.value)
    .map((a) => a.address?.trim().toLowerCase())
    .filter((a): a is string => Boolean(a));
}

function contentTypeOf(value: HeaderValue | undefined): { type?: string; reportType?: string } {
  if (value && typeof value === 'object' && !Array.isArray(value) && 'value' in value) {
    const params = 'params' in value ? (value.params as Record<string, string>) : {};
    return { type: String(value.value), reportType: params['report-type'] };
  }
  return {};
}

/** Reads a raw RFC 822 message: headers, charsets, encoded words, parts, attachments. */
export async function parseMail(raw: Buffer): Promise<ParsedInbound> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const header = (name: string) => headerText(mail.headers.get(name));
  const sender = mail.from?.value[0];
  const { type, reportType } = contentTypeOf(mail.headers.get('content-type'));
  const reported =
    type === 'multipart/report'
      ? mail.attachments
          .filter((a) =>
            /^(message\/rfc822|text\/rfc822-headers|message\/delivery-status)$/i.test(
              a.contentType,
            ),
          )
          .flatMap((a) => {
            const part = a.content.toString('utf8');
            const ids = /^(?:Message-ID|Original-Message-ID)\s*:\s*(<[^>\s]+>)/gim;
            return [...part.matchAll(ids)].map((m) => m[1] ?? '');
          })
          .filter(Boolean)
      : [];
  const htmlText = typeof mail.html === 'string' ? mail.html : undefined;
  return {
    messageId: messageIdsIn(mail.messageId)[0],
    inReplyTo: messageIdsIn(mail.inReplyTo),
    references: messageIdsIn(mail.references),
    subject: clean(mail.subject ?? ''),
    from: {
      address: sender?.address?.trim().toLowerCase() || undefined,
      name: clean(sender?.name ?? ''),
    },
    to: [...addresses(mail.to), ...addresses(mail.cc)],
    date: mail.date,
    text: clean(mail.text ?? ''),
    html: htmlText,
    attachments: mail.attachments
      .filter((a) => !/^message\/delivery-status$/i.test(a.contentType))
      .map((a) => ({
        filename: clean(a.filename ?? ''),
        contentType: a.contentType,
        size: a.size,
        contentId: a.contentId,
        isInline: a.contentDisposition === 'inline' || Boolean(a.related),
        content: a.content,
      })),
    headers: {
      autoSubmitted: header('auto-submitted'),
      xAutoreply: header('x-autoreply'),
      xAutorespond: header('x-autorespond'),
      precedence: header('precedence'),
      contentType: type,
      reportType,
      fromAddress: sender?.address,
    },
    reportedMessageIds: [...new Set(reported)],
  };
}
