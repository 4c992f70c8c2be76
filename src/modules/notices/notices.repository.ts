import { sql, type Selectable } from 'kysely';
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

/**
 * The notices one person has of one case and kind, shown as one entry: the latest notice's id
 * and data, how many there are, the first and latest time, and whether any is unread.
 */
export type NoticeGroup = {
  latest: Notice;
  count: number;
  unreadCount: number;
  firstAt: Date;
  clocks: string[];
};

/** Which notices make one group: one case and kind; a notice about no case is alone. */
export type GroupKey = {
  orgId: string;
  userId: string;
  kind: NoticeKind;
  complaintId: string | null;
  noticeId: string;
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
      mailed_at: null,
    })
    .onConflict((oc) => oc.columns(['org_id', 'dedupe_key', 'user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** One person's notices in groups, the group that changed last first. */
export async function listNoticeGroups(
  db: Executor,
  orgId: string,
  userId: string,
  options: { unreadOnly: boolean; limit: number },
): Promise<NoticeGroup[]> {
  const { rows } = await sql<{
    latest: Selectable<NoticesTable>;
    n: string;
    unread: string;
    first_at: Date;
    last_read_at: Date | null;
    clocks: string[] | null;
  }>`
    SELECT (array_agg(to_jsonb(n) ORDER BY n.created_at DESC, n.id DESC))[1] AS latest,
      count(*) AS n,
      count(*) FILTER (WHERE n.read_at IS NULL) AS unread,
      min(n.created_at) AS first_at,
      max(n.read_at) AS last_read_at,
      array_agg(DISTINCT n.data->>'clock') FILTER (WHERE n.data ? 'clock') AS clocks
    FROM notices n
    WHERE n.org_id = ${orgId} AND n.user_id = ${userId}
    GROUP BY n.kind, n.complaint_id, CASE WHEN n.complaint_id IS NULL THEN n.id END
    HAVING ${options.unreadOnly} = false OR count(*) FILTER (WHERE n.read_at IS NULL) > 0
    ORDER BY max(n.created_at) DESC, min(n.id::text)
    LIMIT ${options.limit}`.execute(db);
  return rows.map((r) => {
    const latest = toNotice({
      ...r.latest,
      created_at: new Date(r.latest.created_at),
      read_at: r.latest.read_at ? new Date(r.latest.read_at) : null,
    });
    const unreadCount = Number(r.unread);
    return {
      latest: { ...latest, readAt: unreadCount > 0 ? null : r.last_read_at },
      count: Number(r.n),
      unreadCount,
      firstAt: r.first_at,
      clocks: r.clocks ?? [],
    };
  });
}

/** How many groups hold an unread notice: the number on the bell. */
export async function countUnreadGroups(
  db: Executor,
  orgId: string,
  userId: string,
): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT count(DISTINCT (n.kind, n.complaint_id, CASE WHEN n.complaint_id IS NULL THEN n.id END)) AS n
    FROM notices n
    WHERE n.org_id = ${orgId} AND n.user_id = ${userId} AND n.read_at IS NULL`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Marks read the groups of the given notices, up to and including each one: a notice that
 * arrived in the group after the one the person saw stays unread.
 */
export async function markRead(
  db: Executor,
  orgId: string,
  userId: string,
  ids: string[] | 'all',
  at: Date,
): Promise<void> {
  if (ids === 'all') {
    await db
      .updateTable('notices')
      .set({ read_at: at })
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .execute();
    return;
  }
  if (ids.length === 0) return;
  await sql`
    UPDATE notices n SET read_at = ${at}
    FROM notices seen
    WHERE seen.org_id = ${orgId} AND seen.user_id = ${userId}
      AND seen.id = ANY(${ids}::uuid[])
      AND n.org_id = seen.org_id AND n.user_id = seen.user_id AND n.kind = seen.kind
      AND (n.complaint_id = seen.complaint_id OR n.id = seen.id)
      AND n.created_at <= seen.created_at
      AND n.read_at IS NULL`.execute(db);
}

/** The group a notice belongs to (for its mail). */
export async function findGroupKey(
  db: Executor,
  orgId: string,
  noticeId: string,
): Promise<GroupKey | undefined> {
  const r = await db
    .selectFrom('notices')
    .select(['org_id', 'user_id', 'kind', 'complaint_id', 'id'])
    .where('org_id', '=', orgId)
    .where('id', '=', noticeId)
    .executeTakeFirst();
  return r
    ? {
        orgId: r.org_id,
        userId: r.user_id,
        kind: r.kind as NoticeKind,
        complaintId: r.complaint_id,
        noticeId: r.id,
      }
    : undefined;
}

/**
 * The group's notices that no mail has carried yet, oldest first, locked so that two workers
 * never mail the same notice; they count as mailed from `at` once the caller commits.
 */
export async function takeUnmailed(tx: Tx, key: GroupKey, at: Date): Promise<Notice[]> {
  let query = tx
    .selectFrom('notices')
    .selectAll()
    .where('org_id', '=', key.orgId)
    .where('user_id', '=', key.userId)
    .where('kind', '=', key.kind)
    .where('mailed_at', 'is', null);
  query = key.complaintId
    ? query.where('complaint_id', '=', key.complaintId)
    : query.where('id', '=', key.noticeId);
  const rows = (await query.orderBy('created_at').orderBy('id').forUpdate().execute()).map(
    toNotice,
  );
  if (rows.length > 0)
    await tx
      .updateTable('notices')
      .set({ mailed_at: at })
      .where('org_id', '=', key.orgId)
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
  return rows;
}
