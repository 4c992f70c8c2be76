import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import { enqueueJob, type JobHandler } from '../../platform/jobs.ts';
import type { MailTransport } from './mail.transport.ts';
import type { MailboxItem } from './mail.contract.ts';

export type MailService = ReturnType<typeof createMailService>;
export type MailKind = 'acknowledgement' | 'readback' | 'message' | 'notice';

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Plain text → simple HTML: escaped, paragraphs kept, links clickable. */
export function textToHtml(text: string): string {
  const linked = escapeHtml(text).replace(
    /https?:\/\/[^\s<]+/g,
    (url) => `<a href="${url}">${url}</a>`,
  );
  return `<div style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5">${linked.replace(/\n/g, '<br>')}</div>`;
}

export function createMailService(deps: { db: Db; clock: Clock; transport: MailTransport }) {
  const { db, clock, transport } = deps;

  return {
    transportName: transport.name,

    /**
     * Stores the rendered message and its delivery job in the caller's transaction, so a mail
     * is sent if and only if the change that caused it committed.
     */
    async queue(
      tx: Executor,
      mail: {
        orgId: string;
        complaintId: string | null;
        kind: MailKind;
        to: string;
        subject: string;
        text: string;
      },
    ): Promise<string> {
      const row = await tx
        .insertInto('outgoing_messages')
        .values({
          org_id: mail.orgId,
          complaint_id: mail.complaintId,
          kind: mail.kind,
          to_address: mail.to,
          subject: mail.subject,
          text_body: mail.text,
          html_body: textToHtml(mail.text),
          status: 'queued',
          message_id: `<${randomUUID()}@ombud>`,
          created_at: clock.now(),
          transport: null,
          error: null,
          sent_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await enqueueJob(tx, clock, {
        orgId: mail.orgId,
        kind: 'mail.send',
        payload: { messageId: row.id },
        dedupeKey: row.id,
        priority: mail.kind === 'notice' ? 6 : 1,
      });
      return row.id;
    },

    /** The job: reloads the message and delivers it once. */
    async deliver(orgId: string, id: string): Promise<void> {
      const message = await db
        .selectFrom('outgoing_messages')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!message || message.status !== 'queued') return;
      await transport.send({
        to: message.to_address,
        subject: message.subject,
        text: message.text_body,
        html: message.html_body,
        messageId: message.message_id ?? `<${id}@ombud>`,
      });
      await db
        .updateTable('outgoing_messages')
        .set({
          status: transport.name === 'smtp' ? 'sent' : 'kept',
          transport: transport.name,
          sent_at: clock.now(),
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .execute();
    },

    async markFailed(orgId: string, id: string, error: string): Promise<void> {
      await db
        .updateTable('outgoing_messages')
        .set({ status: 'failed', error })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },

    async mailbox(
      orgId: string,
      filter: { complaintId?: string | undefined; limit: number },
    ): Promise<MailboxItem[]> {
      let query = db.selectFrom('outgoing_messages').selectAll().where('org_id', '=', orgId);
      if (filter.complaintId) query = query.where('complaint_id', '=', filter.complaintId);
      const rows = await query.orderBy('created_at', 'desc').limit(filter.limit).execute();
      return rows.map((r) => ({
        id: r.id,
        to: r.to_address,
        subject: r.subject,
        text: r.text_body,
        html: r.html_body,
        kind: r.kind,
        status: r.status as MailboxItem['status'],
        transport: r.transport,
        complaintId: r.complaint_id,
        createdAt: r.created_at.toISOString(),
        sentAt: r.sent_at?.toISOString() ?? null,
      }));
    },
  };
}

export function mailJobs(mail: MailService): Record<string, JobHandler> {
  return {
    'mail.send': async (job) => {
      const messageId = String(job.payload.messageId);
      if (!job.orgId) throw new Error('mail.send without an org');
      try {
        await mail.deliver(job.orgId, messageId);
      } catch (error) {
        if (job.attempts >= job.maxAttempts)
          await mail.markFailed(job.orgId, messageId, String(error));
        throw error;
      }
    },
  };
}
