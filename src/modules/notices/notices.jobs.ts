import { z } from 'zod';
import { uuid } from '../../platform/contract/fields.ts';
import { defineJob, handleJob, type JobHandler } from '../../platform/jobs/index.ts';
import type { NoticesService } from './notices.service.ts';

/**
 * Mails a group of notices (one person, one case, one kind) in one e-mail. It coalesces: while
 * one waits, the next notice of the group joins it, so a clock jump that breaches several
 * clocks of a case sends one mail. It waits behind the timers that make notices.
 */
export const mailNotices = defineJob({
  name: 'notices.mail',
  version: 1,
  payload: z.object({ orgId: uuid, noticeId: uuid }),
  priority: 6,
  dedupe: 'coalesce',
});

export function noticeJobHandlers(notices: NoticesService): JobHandler[] {
  return [handleJob(mailNotices, (p) => notices.mailGroup(p.orgId, p.noticeId))];
}
