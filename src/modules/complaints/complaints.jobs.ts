import { handleJob, type JobHandler } from '../../platform/jobs/index.ts';
import { clocksStale, clockTimer } from '../sla/index.ts';
import type { ComplaintService } from './complaints.service.ts';

/** The complaint's clocks: the timers sla set on them, and a recompute after a policy change. */
export function complaintJobHandlers(complaints: ComplaintService): JobHandler[] {
  return [
    handleJob(clockTimer, (timer) => complaints.clocks.onTimer(timer)),
    handleJob(clocksStale, async ({ orgId }) => {
      await complaints.clocks.recomputeOrg(orgId);
    }),
  ];
}
