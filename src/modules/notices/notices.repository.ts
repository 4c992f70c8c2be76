import type { Selectable } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { NoticesTable } from '../../platform/db/schema.ts';
import type { NoticeKind } from './notices.contract.ts';

export type Notice = {
  id: string;
  orgId: string;
  userId: string;
  kind: NoticeKind;
  complaintId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
};

const toNotice = (r: Selectable<NoticesTable>): Notice => ({
  id: r.id,
  orgId: r.org_id,
  userId: r.user_id,
  kind: r.kind as NoticeKind,
  complaintId: r.complaint_id,
  data: r.data,
  createdAt: r.created_at,
  readAt: r.read_at,
});

/** Inserts the notice unless that person already has one with the key; returns its id if new. */
export async function insertNotice(
  tx: Tx,
  n: {
    orgId: string;
    userId: string;
    kind: NoticeKind;
    complaintId: string | null;
    dedupeKey: string;
    data: Record<string, unknown>;
    createdAt: Date;
  },
): Promise<string | undefined> {
  const row = await tx
    .insertInto('notices')
    .values({
      org_id: n.orgId,
      user_id: n.userId,
      kind: n.kind,
      complaint_id: n.complaintId,
      dedupe_key: n.dedupeKey,
      data: JSON.stringify(n.data),
      created_at: n.createdAt,
      read_at: null,
    })
    .onConflict((oc) => oc.columns(['org_id', 'dedupe_key', 'user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function listNotices(
  db: Executor,
  orgId: string,
  userId: string,
  options: { unreadOnly: boolean; limit: number },
): Promise<Notice[]> {
  let query = db
    .selectFrom('notices')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId);
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  return (await query.orderBy('created_at', 'desc').limit(options.limit).execute()).map(toNotice);
}

export async function countUnread(db: Executor, orgId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notices')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(
  db: Executor,
  orgId: string,
  userId: string,
  ids: string[] | 'all',
  at: Date,
): Promise<void> {
  if (ids !== 'all' && ids.length === 0) return;
  let query = db
    .updateTable('notices')
    .set({ read_at: at })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') query = query.where('id', 'in', ids);
  await query.execute();
}
