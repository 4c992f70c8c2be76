import { z } from 'zod';
import { isoInstant, uuid } from '../../platform/contract/fields.ts';
import { defineJob, handleJob, type JobHandler } from '../../platform/jobs/index.ts';

/**
 * An action's clock: the warning to its owner, or at the due the overdue notice and the
 * escalation to the owner's manager. The handler re-reads the action: done, cancelled or
 * re-dated since, it does nothing.
 */
export const actionClock = defineJob({
  name: 'problems.action-clock',
  version: 1,
  payload: z.object({
    orgId: uuid,
    actionId: uuid,
    stage: z.enum(['warning', 'overdue']),
    dueAt: isoInstant,
  }),
});

/**
 * A monitoring window's end: the recurrence check. Recurred, the problem goes back to action
 * and its owner is told; clean, the owner is told it is ready to close. The handler re-reads the
 * problem and does nothing when it is no longer monitored in that window.
 */
export const windowEnd = defineJob({
  name: 'problems.window-end',
  version: 1,
  payload: z.object({ orgId: uuid, problemId: uuid, endsAt: isoInstant }),
});

export function problemJobHandlers(problems: {
  runActionClock(p: z.output<typeof actionClock.payload>): Promise<void>;
  evaluateWindow(p: z.output<typeof windowEnd.payload>): Promise<void>;
}): JobHandler[] {
  return [
    handleJob(actionClock, (p) => problems.runActionClock(p)),
    handleJob(windowEnd, (p) => problems.evaluateWindow(p)),
  ];
}
