import { z } from 'zod';
import { uuid } from '../../platform/contract/fields.ts';
import { defineJob, handleJob, type JobHandler } from '../../platform/jobs/index.ts';

/**
 * A survey's send time. The handler re-reads the survey and the case: a reopen since cancels
 * it, an opt-out skips it, a verification call-back still due (when the org surveys after
 * verification) makes it wait; otherwise the mail goes out with the score links.
 */
export const sendSurvey = defineJob({
  name: 'surveys.send',
  version: 1,
  payload: z.object({ orgId: uuid, surveyId: uuid }),
});

export function surveyJobHandlers(surveys: {
  send(p: z.output<typeof sendSurvey.payload>): Promise<void>;
}): JobHandler[] {
  return [handleJob(sendSurvey, (p) => surveys.send(p))];
}
