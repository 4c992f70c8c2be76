import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { isLanguage } from '../../platform/i18n.ts';
import { publishLive, type LiveEvent } from '../../platform/live.ts';
import type { MailService } from '../mail/index.ts';
import type { OrgService } from '../org/index.ts';
import type { NoticeKind, NoticeView } from './notices.contract.ts';
import { noticeTitle } from './domain/notice-text.ts';
import * as repo from './notices.repository.ts';

export type NoticesService = ReturnType<typeof createNoticesService>;

/** In-app notices with a badge and a live list, and an e-mail for each, in the reader's language. */
export function createNoticesService(deps: {
  db: Db;
  clock: Clock;
  org: OrgService;
  mail: MailService;
  publicUrl: string;
}) {
  const { db, clock, org, mail } = deps;

  async function mailNotice(
    tx: Tx,
    n: { orgId: string; userId: string; kind: NoticeKind; complaintId: string | null },
    data: Record<string, unknown>,
  ): Promise<void> {
    const user = await org.findUser(tx, n.orgId, n.userId);
    if (!user) return;
    const lang = isLanguage(user.locale) ? user.locale : 'vi';
    const title = noticeTitle(n.kind, data, lang);
    const link = n.complaintId ? `${deps.publicUrl}/complaints/${n.complaintId}` : deps.publicUrl;
    await mail.queue(tx, {
      orgId: n.orgId,
      complaintId: n.complaintId,
      kind: 'notice',
      to: user.email,
      subject: `[Ombud] ${title}`,
      text: `${title}\n\n${link}`,
    });
  }

  return {
    /**
     * Creates the notice unless one with the same key exists for that person: firing twice (two
     * workers, a retry, a restart) gives one notice and one e-mail. Returns whether it is new.
     */
    async notify(
      tx: Tx,
      n: {
        orgId: string;
        userId: string;
        kind: NoticeKind;
        complaintId: string | null;
        dedupeKey: string;
        data: Record<string, unknown>;
      },
    ): Promise<boolean> {
      const id = await repo.insertNotice(tx, { ...n, createdAt: clock.now() });
      if (!id) return false;
      await publishLive(tx, {
        orgId: n.orgId,
        topic: 'notice',
        userIds: [n.userId],
        payload: { id, kind: n.kind, complaintId: n.complaintId, data: n.data },
      });
      await mailNotice(tx, n, n.data);
      return true;
    },

    async list(
      orgId: string,
      userId: string,
      options: { unreadOnly: boolean; limit: number },
    ): Promise<{ items: NoticeView[]; unread: number }> {
      const [rows, unread] = await Promise.all([
        repo.listNotices(db, orgId, userId, options),
        repo.countUnread(db, orgId, userId),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          complaintId: r.complaintId,
          data: r.data,
          createdAt: r.createdAt.toISOString(),
          readAt: r.readAt?.toISOString() ?? null,
        })),
        unread,
      };
    },

    markRead: (orgId: string, userId: string, ids: string[] | 'all') =>
      repo.markRead(db, orgId, userId, ids, clock.now()),

    /**
     * What one person's live stream carries: their notices, deadline requests for the
     * departments they answer for, and changes to the complaints they have open.
     */
    async liveFilter(
      orgId: string,
      userId: string,
      watchedComplaints: string[],
    ): Promise<{ departments: string[]; isFor: (e: LiveEvent) => boolean }> {
      const departments = new Set(await org.departmentsOf(db, orgId, userId));
      const watched = new Set(watchedComplaints);
      return {
        departments: [...departments],
        isFor: (e) =>
          e.orgId === orgId &&
          ((e.userIds?.includes(userId) ?? false) ||
            (e.departmentId !== undefined && departments.has(e.departmentId)) ||
            (e.topic === 'complaint' && e.complaintId !== undefined && watched.has(e.complaintId))),
      };
    },
  };
}
