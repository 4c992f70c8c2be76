import { z } from 'zod';
import { defineJob, handleJob, type JobHandler } from '../../platform/jobs/index.ts';
import type { MailService } from './mail.service.ts';

/** Delivers one stored message. Customer mail runs before internal notices. */
export const sendMail = defineJob({
  name: 'mail.send',
  version: 1,
  payload: z.object({ orgId: z.uuid(), messageId: z.uuid() }),
  priority: 1,
  // Each delivery locks its own message, so several can wait on the SMTP server at once.
  parallel: 8,
});

export function mailJobHandlers(mail: MailService): JobHandler[] {
  return [
    handleJob(sendMail, async ({ orgId, messageId }, run) => {
      try {
        await mail.deliver(orgId, messageId);
      } catch (error) {
        if (run.isLastAttempt) await mail.markFailed(orgId, messageId, String(error));
        throw error;
      }
    }),
  ];
}
