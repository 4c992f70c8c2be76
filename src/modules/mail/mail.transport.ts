import nodemailer from 'nodemailer';
import type { Logger } from '../../platform/logger.ts';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  messageId: string;
};

/** Where mail goes: a real SMTP server, or (with none configured) the dev mailbox in the database. */
export type MailTransport = {
  name: 'smtp' | 'mailbox';
  send(mail: OutgoingMail): Promise<void>;
};

export function createMailTransport(options: {
  smtpUrl: string | undefined;
  from: string;
  logger: Logger;
}): MailTransport {
  if (!options.smtpUrl) {
    return { name: 'mailbox', send: async () => undefined };
  }
  const transporter = nodemailer.createTransport(options.smtpUrl);
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
      });
      options.logger.info({ to: mail.to, messageId: mail.messageId }, 'mail sent');
    },
  };
}
