import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import { publishLive } from '../../platform/live.ts';
import type { NoticeView } from './notices.contract.ts';

export type NoticesService = ReturnType<typeof createNoticesService>;
export type NoticeKind = NoticeView['kind'];

export type NoticeMail = (
  tx: Executor,
  notice: {
    orgId: string;
    userId: string;
    kind: NoticeKind;
    complaintId: string | null;
    data: Record<string, unknown>;
  },
) => Promise<void>;

/** In-app notices with a badge and a live list, and an e-mail for each. */
export function createNoticesService(deps: { db: Db; clock: Clock; mailNotice?: NoticeMail }) {
  const { db, clock } = deps;
  return {
    /**
     * Creates the notice unless one with the same key exists for that person: firing twice (two
     * workers, a retry, a restart) gives one notice and one e-mail. Returns whether it is new.
     */
    async notify(
      tx: Executor,
      n: {
        orgId: string;
        userId: string;
        kind: NoticeKind;
        complaintId: string | null;
        dedupeKey: string;
        data: Record<string, unknown>;
      },
    ): Promise<boolean> {
      const row = await tx
        .insertInto('notices')
        .values({
          org_id: n.orgId,
          user_id: n.userId,
          kind: n.kind,
          complaint_id: n.complaintId,
          dedupe_key: n.dedupeKey,
          data: JSON.stringify(n.data),
          created_at: clock.now(),
          read_at: null,
        })
        .onConflict((oc) => oc.columns(['org_id', 'dedupe_key', 'user_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) return false;
      await publishLive(tx, {
        orgId: n.orgId,
        topic: 'notice',
        userIds: [n.userId],
        payload: { id: row.id, kind: n.kind, complaintId: n.complaintId, data: n.data },
      });
      if (deps.mailNotice) await deps.mailNotice(tx, n);
      return true;
    },

    async list(
      orgId: string,
      userId: string,
      options: { unreadOnly: boolean; limit: number },
    ): Promise<{ items: NoticeView[]; unread: number }> {
      let query = db
        .selectFrom('notices')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId);
      if (options.unreadOnly) query = query.where('read_at', 'is', null);
      const [rows, unread] = await Promise.all([
        query.orderBy('created_at', 'desc').limit(options.limit).execute(),
        db
          .selectFrom('notices')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('org_id', '=', orgId)
          .where('user_id', '=', userId)
          .where('read_at', 'is', null)
          .executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind as NoticeKind,
          complaintId: r.complaint_id,
          data: r.data,
          createdAt: r.created_at.toISOString(),
          readAt: r.read_at?.toISOString() ?? null,
        })),
        unread: Number(unread.n),
      };
    },

    async markRead(orgId: string, userId: string, ids: string[] | 'all'): Promise<void> {
      let query = db
        .updateTable('notices')
        .set({ read_at: clock.now() })
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .where('read_at', 'is', null);
      if (ids !== 'all') {
        if (ids.length === 0) return;
        query = query.where('id', 'in', ids);
      }
      await query.execute();
    },
  };
}
