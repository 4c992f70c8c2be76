import type { Executor, Tx } from '../../platform/db/index.ts';
import type { InboundOutcome } from './channels.contract.ts';

export type InboundRecord = {
  id: string;
  orgId: string;
  messageId: string | null;
  contentHash: string;
  source: 'cli' | 'smtp' | 'imap';
  outcome: InboundOutcome;
  complaintId: string | null;
  relatedComplaintId: string | null;
  fromAddress: string | null;
  fromName: string;
  subject: string;
  textFull: string;
  textShown: string;
  inReplyTo: string[];
  referencesIds: string[];
  attachments: unknown[];
  raw: Buffer;
  receivedAt: Date;
};

export async function insertInbound(tx: Tx, m: InboundRecord): Promise<void> {
  await tx
    .insertInto('inbound_messages')
    .values({
      org_id: m.orgId,
      id: m.id,
      message_id: m.messageId,
      content_hash: m.contentHash,
      source: m.source,
      outcome: m.outcome,
      complaint_id: m.complaintId,
      related_complaint_id: m.relatedComplaintId,
      from_address: m.fromAddress,
      from_name: m.fromName,
      subject: m.subject,
      text_full: m.textFull,
      text_shown: m.textShown,
      in_reply_to: m.inReplyTo,
      references_ids: m.referencesIds,
      attachments: JSON.stringify(m.attachments),
      raw: m.raw,
      received_at: m.receivedAt,
    })
    .execute();
}

export type KeptInbound = {
  id: string;
  messageId: string | null;
  outcome: InboundOutcome;
  complaintId: string | null;
  reference: string | null;
};

/** A message kept before: by its Message-ID, or by the same content within the window. */
export async function findDuplicate(
  db: Executor,
  orgId: string,
  by: { messageId: string | undefined; contentHash: string; since: Date },
): Promise<
  { id: string; messageId: string | null; outcome: string; complaintId: string | null } | undefined
> {
  let query = db
    .selectFrom('inbound_messages')
    .select(['id', 'message_id', 'outcome', 'complaint_id'])
    .where('org_id', '=', orgId);
  query = by.messageId
    ? query.where((eb) =>
        eb.or([
          eb('message_id', '=', by.messageId ?? ''),
          eb.and([eb('content_hash', '=', by.contentHash), eb('received_at', '>=', by.since)]),
        ]),
      )
    : query.where('content_hash', '=', by.contentHash).where('received_at', '>=', by.since);
  const row = await query.orderBy('received_at', 'asc').limit(1).executeTakeFirst();
  return row
    ? { id: row.id, messageId: row.message_id, outcome: row.outcome, complaintId: row.complaint_id }
    : undefined;
}

/** The case a message we received before belongs to, by the ids a reply quotes. */
export async function complaintOfReceivedMessage(
  db: Executor,
  orgId: string,
  messageIds: readonly string[],
): Promise<string | undefined> {
  if (messageIds.length === 0) return undefined;
  const row = await db
    .selectFrom('inbound_messages')
    .select('complaint_id')
    .where('org_id', '=', orgId)
    .where('message_id', 'in', [...messageIds])
    .where('complaint_id', 'is not', null)
    .orderBy('received_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.complaint_id ?? undefined;
}

export async function findInbound(
  db: Executor,
  orgId: string,
  id: string,
): Promise<Omit<InboundRecord, 'raw'> | undefined> {
  const r = await db
    .selectFrom('inbound_messages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    orgId: r.org_id,
    messageId: r.message_id,
    contentHash: r.content_hash,
    source: r.source as InboundRecord['source'],
    outcome: r.outcome as InboundOutcome,
    complaintId: r.complaint_id,
    relatedComplaintId: r.related_complaint_id,
    fromAddress: r.from_address,
    fromName: r.from_name,
    subject: r.subject,
    textFull: r.text_full,
    textShown: r.text_shown,
    inReplyTo: r.in_reply_to,
    referencesIds: r.references_ids,
    attachments: Array.isArray(r.attachments) ? r.attachments : [],
    receivedAt: r.received_at,
  };
}

export async function listForComplaint(
  db: Executor,
  orgId: string,
  complaintId: string,
): Promise<Omit<InboundRecord, 'raw'>[]> {
  const rows = await db
    .selectFrom('inbound_messages')
    .select('id')
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([eb('complaint_id', '=', complaintId), eb('related_complaint_id', '=', complaintId)]),
    )
    .orderBy('received_at')
    .limit(500)
    .execute();
  const found = await Promise.all(rows.map((r) => findInbound(db, orgId, r.id)));
  return found.filter((m): m is Omit<InboundRecord, 'raw'> => m !== undefined);
}

export async function findRaw(
  db: Executor,
  orgId: string,
  id: string,
): Promise<Buffer | undefined> {
  const r = await db
    .selectFrom('inbound_messages')
    .select('raw')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r?.raw;
}
