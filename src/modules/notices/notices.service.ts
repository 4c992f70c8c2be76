import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { isLanguage } from '../../platform/i18n.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { publishLive, type LiveEvent } from '../../platform/live.ts';
import type { MailService } from '../mail/index.ts';
import type { OrgService } from '../org/index.ts';
import { formatDueAt } from '../templates/index.ts';
import type { NoticeKind, NoticeView } from './notices.contract.ts';
import { clocksInOrder, noticeMail } from './domain/notice-text.ts';
import { mailNotices } from './notices.jobs.ts';
import * as repo from './notices.repository.ts';

export type NoticesService = ReturnType<typeof createNoticesService>;

/**
 * In-app notices with a badge and a live list, and their e-mail, in the reader's language. The
 * notices of one case and kind are one entry in the list and one e-mail for what arrives
 * together; each notice still exists once (its key), so the count is true.
 */
export function createNoticesService(deps: {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  org: OrgService;
  mail: MailService;
  publicUrl: string;
}) {
  const { db, clock, jobs, org, mail } = deps;

  return {
    /**
     * Creates the notice unless one with the same key exists for that person: firing twice (two
     * workers, a retry, a restart) gives one notice. Its mail is queued for its group. Returns
     * whether it is new.
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
      await jobs.enqueue(
        tx,
        mailNotices,
        { orgId: n.orgId, noticeId: id },
        { key: `${n.userId}:${n.kind}:${n.complaintId ?? id}` },
      );
      return true;
    },

    /** The job: one e-mail for the notices of the group that no mail has carried yet. */
    async mailGroup(orgId: string, noticeId: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const key = await repo.findGroupKey(tx, orgId, noticeId);
        if (!key) return;
        const notices = await repo.takeUnmailed(tx, key, clock.now());
        if (notices.length === 0) return;
        const [user, found] = await Promise.all([
          org.findUser(tx, orgId, key.userId),
          org.findOrg(tx, orgId),
        ]);
        if (!user || !found) return;
        const lang = isLanguage(user.locale) ? user.locale : 'vi';
        const latest = notices.at(-1)!;
        const ownerId = typeof latest.data.ownerId === 'string' ? latest.data.ownerId : null;
        const owner = ownerId ? await org.findUser(tx, orgId, ownerId) : undefined;
        const message = noticeMail(
          key.kind,
          notices.map((n) => n.data),
          lang,
          {
            ownerName: owner?.name ?? null,
            link: key.complaintId
              ? `${deps.publicUrl}/complaints/${key.complaintId}`
              : key.kind === 'webhook_disabled'
                ? `${deps.publicUrl}/admin/webhooks`
                : deps.publicUrl,
            formatDue: (at) => formatDueAt(at, lang, found.timeZone),
          },
        );
        await mail.queue(tx, {
          orgId,
          complaintId: key.complaintId,
          kind: 'notice',
          to: user.email,
          subject: message.subject,
          text: message.body,
        });
      });
    },

    async list(
      orgId: string,
      userId: string,
      options: { unreadOnly: boolean; limit: number },
    ): Promise<{ items: NoticeView[]; unread: number }> {
      const [groups, unread] = await Promise.all([
        repo.listNoticeGroups(db, orgId, userId, options),
        repo.countUnreadGroups(db, orgId, userId),
      ]);
      return {
        items: groups.map((g) => ({
          id: g.latest.id,
          kind: g.latest.kind,
          complaintId: g.latest.complaintId,
          data: g.latest.data,
          createdAt: g.latest.createdAt.toISOString(),
          readAt: g.latest.readAt?.toISOString() ?? null,
          count: g.count,
          unreadCount: g.unreadCount,
          firstAt: g.firstAt.toISOString(),
          clocks: clocksInOrder(g.clocks),
        })),
        unread,
      };
    },

    /** Marks read the entries shown: each group up to the notice the person saw. */
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
