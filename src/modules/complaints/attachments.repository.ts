import type { Selectable } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { AttachmentsTable } from '../../platform/db/schema.ts';

/** A file on a case, or the recording of a call on it. */
export type AttachmentKind = 'file' | 'call_recording';

export type Attachment = {
  id: string;
  complaintId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedByType: 'user' | 'customer' | 'api' | 'system';
  isPublic: boolean;
  kind: AttachmentKind;
  createdAt: Date;
};

export async function insertAttachment(
  tx: Tx,
  orgId: string,
  a: Omit<Attachment, 'id' | 'kind'> & { uploadedById: string | null; kind?: AttachmentKind },
): Promise<Attachment> {
  const r = await tx
    .insertInto('attachments')
    .values({
      org_id: orgId,
      complaint_id: a.complaintId,
      filename: a.filename,
      content_type: a.contentType,
      size_bytes: a.sizeBytes,
      sha256: a.sha256,
      storage_key: a.storageKey,
      uploaded_by_type: a.uploadedByType,
      uploaded_by_id: a.uploadedById,
      is_public: a.isPublic,
      kind: a.kind ?? 'file',
      created_at: a.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAttachment(r);
}

const toAttachment = (r: Selectable<AttachmentsTable>): Attachment => ({
  id: r.id,
  complaintId: r.complaint_id,
  filename: r.filename,
  contentType: r.content_type,
  sizeBytes: Number(r.size_bytes),
  sha256: r.sha256,
  storageKey: r.storage_key,
  uploadedByType: r.uploaded_by_type as Attachment['uploadedByType'],
  isPublic: r.is_public,
  kind: r.kind as AttachmentKind,
  createdAt: r.created_at,
});

export async function listAttachments(
  db: Executor,
  orgId: string,
  complaintId: string,
  publicOnly: boolean,
): Promise<Attachment[]> {
  let query = db
    .selectFrom('attachments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId);
  if (publicOnly) query = query.where('is_public', '=', true);
  const rows = await query.orderBy('created_at').execute();
  return rows.map(toAttachment);
}

export async function findAttachment(
  db: Executor,
  orgId: string,
  id: string,
): Promise<Attachment | undefined> {
  const r = await db
    .selectFrom('attachments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toAttachment(r) : undefined;
}

/** What a complaint and its org already hold, for the quotas. */
/** Files and bytes on a case and in the whole org; a case not created yet (null) has none. */
export async function attachmentUsage(
  db: Executor,
  orgId: string,
  complaintId: string | null,
): Promise<{ complaintFiles: number; complaintBytes: number; orgBytes: number }> {
  // The nil UUID is never a case's id (ids are random version-4 UUIDs), so nothing matches it.
  const caseId = complaintId ?? '00000000-0000-0000-0000-000000000000';
  const row = await db
    .selectFrom('attachments')
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere('complaint_id', '=', caseId).as('complaint_files'),
      eb.fn
        .coalesce(
          eb.fn.sum<string>('size_bytes').filterWhere('complaint_id', '=', caseId),
          eb.lit(0),
        )
        .as('complaint_bytes'),
      eb.fn.coalesce(eb.fn.sum<string>('size_bytes'), eb.lit(0)).as('org_bytes'),
    ])
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return {
    complaintFiles: Number(row.complaint_files),
    complaintBytes: Number(row.complaint_bytes),
    orgBytes: Number(row.org_bytes),
  };
}

/** Makes staff files visible to the customer (they were sent to them). */
export async function shareAttachments(tx: Tx, orgId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .updateTable('attachments')
    .set({ is_public: true })
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
}
