import nodemailer from 'nodemailer';
import type { Logger } from '../../platform/logger.ts';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  messageId: string;
  /** The customer's mail this one answers, so it threads in their client. */
  inReplyTo?: string | undefined;
  references?: string[] | undefined;
  replyTo?: string | undefined;
};

/** Where mail goes: a real SMTP server, or (with none configured) the dev mailbox in the database. */
export type MailTransport = {
  name: 'smtp' | 'mailbox';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

export function createMailTransport(options: {
  smtpUrl: string | undefined;
  from: string;
  logger: Logger;
  /** Connections kept open and shared; the URL may still say `?pool=false`. */
  connections?: number;
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
      await transporter.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: mail.messageId,
        ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
        ...(mail.references?.length ? { references: mail.references } : {}),
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      });
      options.logger.info({ to: mail.to, messageId: mail.messageId }, 'mail sent');
    },
    close: () => transporter.close(),
  };
}
