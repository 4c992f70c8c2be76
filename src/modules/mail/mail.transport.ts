import type { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import type { Logger } from '../../platform/logger.ts';

/** A DKIM key: the signing domain (d=), the DNS selector (s=) and the private key in PEM. */
export type DkimKey = { domain: string; selector: string; privateKey: string };

export type OutgoingMail = {
  to: string;
  cc?: string[] | undefined;
  /** The org's own sender; without one, the platform's MAIL_FROM. */
  from?: string | undefined;
  subject: string;
  text: string;
  html: string | null;
  messageId: string;
  /** The customer's mail this one answers, so it threads in their client. */
  inReplyTo?: string | undefined;
  references?: string[] | undefined;
  replyTo?: string | undefined;
  attachments?: { filename: string; contentType: string; content: Readable }[] | undefined;
  /** The org's key; without one, the platform's (when configured). */
  dkim?: DkimKey | undefined;
};

/** Where mail goes: a real SMTP server, or (with none configured) the dev mailbox in the database. */
export type MailTransport = {
  name: 'smtp' | 'mailbox';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

const nodemailerDkim = (key: DkimKey) => ({
  domainName: key.domain,
  keySelector: key.selector,
  privateKey: key.privateKey,
});

export function createMailTransport(options: {
  smtpUrl: string | undefined;
  from: string;
  logger: Logger;
  /** Connections kept open and shared; the URL may still say `?pool=false`. */
  connections?: number;
  /** Signs every message whose sender has no key of its own. */
  dkim?: DkimKey | undefined;
}): MailTransport {
  if (!options.smtpUrl) {
    return { name: 'mailbox', send: async () => undefined, close: () => undefined };
  }
  // A pool: deliveries in flight share a few open connections instead of a handshake (and TLS)
  // per message. What the URL sets wins over these defaults.
  const transporter = nodemailer.createTransport({
    url: options.smtpUrl,
    pool: true,
    maxConnections: options.connections ?? 5,
    maxMessages: 500,
  });
  return {
    name: 'smtp',
    async send(mail) {
      const dkim = mail.dkim ?? options.dkim;
      await transporter.sendMail({
        from: mail.from ?? options.from,
        to: mail.to,
        ...(mail.cc?.length ? { cc: mail.cc } : {}),
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: mail.messageId,
        ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
        ...(mail.references?.length ? { references: mail.references } : {}),
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
        ...(dkim ? { dkim: nodemailerDkim(dkim) } : {}),
      });
      options.logger.info({ to: mail.to, messageId: mail.messageId }, 'mail sent');
    },
    close: () => transporter.close(),
  };
}
