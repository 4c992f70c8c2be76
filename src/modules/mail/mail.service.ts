import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { PendingWrite } from '../../platform/db/write-together.ts';
import type { RawBuilder } from 'kysely';
import type { MailTransport } from './mail.transport.ts';
import type { MailboxItem, MailKind } from './mail.contract.ts';
import * as repo from './mail.repository.ts';
import * as threads from './threads.repository.ts';
import { sendMail } from './mail.jobs.ts';
import { formattedToHtml, textToHtml } from './domain/html.ts';
import { formattedToText } from './formatting.contract.ts';
import type { MailFileRef } from './mail.repository.ts';
import type { MailSenders } from './senders.ts';
import type { Readable } from 'node:stream';
import { maskTrackingTokens } from '../../platform/tokens.ts';

export type MailService = ReturnType<typeof createMailService>;

export function createMailService(deps: {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  transport: MailTransport;
  /** The org's own sender, DKIM key and inbound addresses (Reply-To). */
  senders?: MailSenders;
  /** Where the case files a message carries are read from. */
  files?: { open(storageKey: string): Readable };
}) {
  const { db, clock, jobs, transport } = deps;

  return {
    transportName: transport.name,

    /** Closes the SMTP connections kept open (at shutdown). */
    close: () => transport.close(),

    /**
     * Stores the rendered message and its delivery job in the caller's transaction, so a mail
     * is sent if and only if the change that caused it committed.
     */
    async queue(
      tx: Tx,
      mail: {
        orgId: string;
        complaintId: string | null;
        kind: MailKind;
        to: string;
        subject: string;
        text: string;
        cc?: string[] | undefined;
        files?: MailFileRef[] | undefined;
        /** `formatted`: bold, lists and links (formatting.contract.ts) in both parts. */
        format?: 'plain' | 'formatted' | undefined;
      },
    ): Promise<string> {
      const isFormatted = mail.format === 'formatted';
      const id = await repo.insertMessage(tx, {
        ...mail,
        text: isFormatted ? formattedToText(mail.text) : mail.text,
        html: isFormatted ? formattedToHtml(mail.text) : textToHtml(mail.text),
        messageId: `<${randomUUID()}@ombud>`,
        createdAt: clock.now(),
      });
      await jobs.enqueue(
        tx,
        sendMail,
        { orgId: mail.orgId, messageId: id },
        // Internal notices wait behind customer mail after an outage.
        { key: id, ...(mail.kind === 'notice' ? { priority: 6 } : {}) },
      );
      return id;
    },

    /**
     * {@link queue} as statements to send with others in one round trip ({@link writeTogether}):
     * the message, with an id chosen here, and its delivery job.
     */
    pendingQueue(
      tx: Tx,
      mail: {
        orgId: string;
        complaintId: string | null;
        kind: MailKind;
        to: string;
        subject: string;
        text: string;
      },
      /** Rewrites subject and bodies in SQL (a value known only in the same statement). */
      fill?: (text: string) => RawBuilder<string>,
    ): { id: string; writes: PendingWrite[] } {
      const id = randomUUID();
      const filled = (text: string) => (fill ? fill(text) : text);
      return {
        id,
        writes: [
          repo.insertMessageWrite(tx, {
            ...mail,
            id,
            subject: filled(mail.subject),
            text: filled(mail.text),
            html: filled(textToHtml(mail.text)),
            messageId: `<${randomUUID()}@ombud>`,
            createdAt: clock.now(),
          }),
          ...jobs.pendingMany(tx, sendMail, [
            {
              payload: { orgId: mail.orgId, messageId: id },
              key: id,
              ...(mail.kind === 'notice' ? { priority: 6 } : {}),
            },
          ]),
        ],
      };
    },

    /**
     * The job: reloads the message and delivers it once. The message row stays locked while it
     * is handed to the server, so two workers can never send it side by side; a crash after the
     * server took it but before the commit sends it again, with the same Message-ID, so the
     * resend is recognisable downstream.
     */
    async deliver(orgId: string, id: string): Promise<void> {
      // Read before the message's lock is taken: a delivery holds one connection, never two
      // (a worker's deliveries side by side would otherwise wait on each other for the pool).
      const [orgReplyTo, orgSender] = await Promise.all([
        deps.senders?.replyTo(orgId),
        deps.senders?.senderFor(orgId),
      ]);
      await db.transaction().execute(async (tx) => {
        const message = await repo.lockForDelivery(tx, orgId, id);
        if (!message) {
          if (await repo.findMessage(tx, orgId, id)) throw new Error('mail is being delivered');
          return;
        }
        if (message.status !== 'queued') return;
        // A case that came by mail answers in its thread: the customer's client shows one
        // conversation, and the reference in the subject finds the case if the headers are lost.
        const thread = message.complaintId
          ? await threads.findThread(tx, orgId, message.complaintId)
          : undefined;
        const tag = thread ? `[${thread.reference}]` : '';
        // Staff notices go out as the platform; what the customer gets comes from the org.
        const isToCustomer = message.kind !== 'notice' && message.kind !== 'security';
        const replyTo = isToCustomer ? orgReplyTo : undefined;
        const sender = isToCustomer ? orgSender : undefined;
        const files = deps.files;
        const attachments =
          files && message.files.length > 0
            ? message.files.map((f) => ({
                filename: f.filename,
                contentType: f.contentType,
                content: files.open(f.storageKey),
              }))
            : undefined;
        await transport.send({
          to: message.to,
          ...(message.cc.length > 0 ? { cc: message.cc } : {}),
          ...(sender?.from ? { from: sender.from } : {}),
          ...(sender?.dkim ? { dkim: sender.dkim } : {}),
          ...(attachments ? { attachments } : {}),
          subject:
            tag && !message.subject.includes(tag) ? `${message.subject} ${tag}` : message.subject,
          ...(thread ? { inReplyTo: thread.lastMessageId, references: thread.referencesIds } : {}),
          ...(replyTo ? { replyTo } : {}),
          text: message.text,
          html: message.html,
          messageId: message.messageId ?? `<${id}@ombud>`,
        });
        // Tracking links are bearer secrets: once the mail is out, the stored copy hides them.
        await repo.markDelivered(tx, orgId, id, {
          status: transport.name === 'smtp' ? 'sent' : 'kept',
          transport: transport.name,
          at: clock.now(),
          text: maskTrackingTokens(message.text),
          html: message.html === null ? null : maskTrackingTokens(message.html),
        });
      });
    },

    complaintOfSentMessage: threads.complaintOfSentMessage,
    noteThread: threads.noteThread,
    markBounced: threads.markBounced,

    markFailed: (orgId: string, id: string, error: string) => repo.markFailed(db, orgId, id, error),

    /** Seeded history is not news: queued mail counts as kept in the mailbox. */
    keepAllQueued: (tx: Tx, orgId: string) => repo.keepAllQueued(tx, orgId, clock.now()),

    async mailbox(
      orgId: string,
      filter: { complaintId?: string | undefined; limit: number },
    ): Promise<MailboxItem[]> {
      return (await repo.listMessages(db, orgId, filter)).map((m) => ({
        id: m.id,
        to: m.to,
        subject: m.subject,
        // Staff never see a customer's working link (they could act "as the customer").
        text: maskTrackingTokens(m.text),
        html: m.html === null ? null : maskTrackingTokens(m.html),
        kind: m.kind,
        status: m.status,
        transport: m.transport,
        complaintId: m.complaintId,
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
        cc: m.cc,
        files: m.files.map((f) => ({ filename: f.filename, sizeBytes: f.sizeBytes })),
      }));
    },
  };
}
