import type { RawBuilder } from 'kysely';
import type { Selectable } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { OutgoingMessagesTable } from '../../platform/db/schema.ts';
import type { MailboxItem, MailKind } from './mail.contract.ts';

export type OutgoingMessage = {
  id: string;
  orgId: string;
  complaintId: string | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  status: MailboxItem['status'];
  transport: string | null;
  messageId: string | null;
  createdAt: Date;
  sentAt: Date | null;
  cc: string[];
  files: MailFileRef[];
};

/** A case file a message carries, as it was when the message was written. */
export type MailFileRef = {
  filename: string;
  contentType: string;
  storageKey: string;
  sizeBytes: number;
};

const toMessage = (r: Selectable<OutgoingMessagesTable>): OutgoingMessage => ({
  id: r.id,
  orgId: r.org_id,
  complaintId: r.complaint_id,
  kind: r.kind,
  to: r.to_address,
  subject: r.subject,
  text: r.text_body,
  html: r.html_body,
  status: r.status as MailboxItem['status'],
  transport: r.transport,
  messageId: r.message_id,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  cc: r.cc_addresses,
  files: Array.isArray(r.files) ? (r.files as MailFileRef[]) : [],
});

/** A message with an id chosen by the caller, as a statement not yet sent. */
export const insertMessageWrite = (
  tx: Tx,
  m: {
    id: string;
    orgId: string;
    complaintId: string | null;
    kind: MailKind;
    to: string;
    subject: string | RawBuilder<string>;
    text: string | RawBuilder<string>;
    html: string | RawBuilder<string>;
    messageId: string;
    createdAt: Date;
  },
) =>
  tx.insertInto('outgoing_messages').values({
    id: m.id,
    org_id: m.orgId,
    complaint_id: m.complaintId,
    kind: m.kind,
    to_address: m.to,
    subject: m.subject,
    text_body: m.text,
    html_body: m.html,
    status: 'queued',
    message_id: m.messageId,
    created_at: m.createdAt,
    transport: null,
    error: null,
    sent_at: null,
  });

export async function insertMessage(
  tx: Tx,
  m: {
    orgId: string;
    complaintId: string | null;
    kind: MailKind;
    to: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
    createdAt: Date;
    cc?: string[] | undefined;
    files?: MailFileRef[] | undefined;
  },
): Promise<string> {
  const row = await tx
    .insertInto('outgoing_messages')
    .values({
      org_id: m.orgId,
      complaint_id: m.complaintId,
      kind: m.kind,
      to_address: m.to,
      subject: m.subject,
      text_body: m.text,
      html_body: m.html,
      status: 'queued',
      message_id: m.messageId,
      created_at: m.createdAt,
      transport: null,
      error: null,
      sent_at: null,
      cc_addresses: m.cc ?? [],
      files: JSON.stringify(m.files ?? []),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The message, locked for this transaction; undefined when another worker is delivering it right
 * now (the lock is taken with SKIP LOCKED), or when it does not exist.
 */
export async function lockForDelivery(
  tx: Tx,
  orgId: string,
  id: string,
): Promise<OutgoingMessage | undefined> {
  const r = await tx
    .selectFrom('outgoing_messages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return r ? toMessage(r) : undefined;
}

export async function findMessage(
  db: Executor,
  orgId: string,
  id: string,
): Promise<OutgoingMessage | undefined> {
  const r = await db
    .selectFrom('outgoing_messages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toMessage(r) : undefined;
}

/**
 * Marks a queued message as delivered and keeps the copy the delivery leaves behind (with its
 * secrets hidden); a message already marked stays as it is.
 */
export async function markDelivered(
  db: Executor,
  orgId: string,
  id: string,
  delivery: {
    status: 'sent' | 'kept';
    transport: string;
    at: Date;
    text: string;
    html: string | null;
  },
): Promise<void> {
  await db
    .updateTable('outgoing_messages')
    .set({
      status: delivery.status,
      transport: delivery.transport,
      sent_at: delivery.at,
      text_body: delivery.text,
      html_body: delivery.html,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

export async function markFailed(
  db: Executor,
  orgId: string,
  id: string,
  error: string,
): Promise<void> {
  await db
    .updateTable('outgoing_messages')
    .set({ status: 'failed', error })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Seeded history: every message still queued counts as kept in the mailbox, at `at`. */
export async function keepAllQueued(tx: Tx, orgId: string, at: Date): Promise<void> {
  await tx
    .updateTable('outgoing_messages')
    .set({ status: 'kept', transport: 'mailbox', sent_at: at })
    .where('org_id', '=', orgId)
    .where('status', '=', 'queued')
    .execute();
}

export async function listMessages(
  db: Executor,
  orgId: string,
  filter: { complaintId?: string | undefined; limit: number },
): Promise<OutgoingMessage[]> {
  let query = db.selectFrom('outgoing_messages').selectAll().where('org_id', '=', orgId);
  if (filter.complaintId) query = query.where('complaint_id', '=', filter.complaintId);
  const rows = await query.orderBy('created_at', 'desc').limit(filter.limit).execute();
  return rows.map(toMessage);
}
