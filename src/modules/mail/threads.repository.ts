import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';

/** The mail thread of a case: what our next mail about it answers. */
export type MailThread = {
  reference: string;
  lastMessageId: string;
  referencesIds: string[];
};

/** The case a mail we sent was about, by the Message-IDs a reply quotes (the newest first). */
export async function complaintOfSentMessage(
  db: Executor,
  orgId: string,
  messageIds: readonly string[],
): Promise<string | undefined> {
  if (messageIds.length === 0) return undefined;
  const row = await db
    .selectFrom('outgoing_messages')
    .select('complaint_id')
    .where('org_id', '=', orgId)
    .where('message_id', 'in', [...messageIds])
    .where('complaint_id', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.complaint_id ?? undefined;
}

/** A customer's mail on the case is now the one our next mail answers. */
export async function noteThread(
  tx: Tx,
  t: { orgId: string; complaintId: string; reference: string; messageId: string; at: Date },
): Promise<void> {
  await tx
    .insertInto('mail_threads')
    .values({
      org_id: t.orgId,
      complaint_id: t.complaintId,
      reference: t.reference,
      last_message_id: t.messageId,
      references_ids: [t.messageId],
      updated_at: t.at,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'complaint_id']).doUpdateSet({
        last_message_id: t.messageId,
        // The chain of the thread, oldest first, kept to the last 20 ids as clients do.
        references_ids: sql<string[]>`(array_append(
          array_remove(mail_threads.references_ids, ${t.messageId}::text), ${t.messageId}::text
        ))[greatest(1, cardinality(mail_threads.references_ids) - 18):]`,
        updated_at: t.at,
      }),
    )
    .execute();
}

export async function findThread(
  db: Executor,
  orgId: string,
  complaintId: string,
): Promise<MailThread | undefined> {
  const row = await db
    .selectFrom('mail_threads')
    .select(['reference', 'last_message_id', 'references_ids'])
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
  return row
    ? {
        reference: row.reference,
        lastMessageId: row.last_message_id,
        referencesIds: row.references_ids,
      }
    : undefined;
}

/** A delivery report names mail we sent: it bounced. Returns the cases those were about. */
export async function markBounced(
  tx: Tx,
  orgId: string,
  messageIds: readonly string[],
  error: string,
): Promise<{ id: string; complaintId: string | null; to: string; subject: string | null }[]> {
  if (messageIds.length === 0) return [];
  const rows = await tx
    .updateTable('outgoing_messages')
    .set({ status: 'bounced', error })
    .where('org_id', '=', orgId)
    .where('message_id', 'in', [...messageIds])
    .returning(['id', 'complaint_id', 'to_address', 'subject'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    complaintId: r.complaint_id,
    to: r.to_address,
    subject: r.subject,
  }));
}
