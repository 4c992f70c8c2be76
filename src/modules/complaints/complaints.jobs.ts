import { z } from 'zod';
import { isoInstant, uuid } from '../../platform/contract/fields.ts';
import { defineJob, handleJob, type JobHandler } from '../../platform/jobs/index.ts';
import { clocksStale, clockTimer } from '../sla/index.ts';
import type { ComplaintService } from './complaints.service.ts';

/**
 * A case left a pause that moves its committed due. The commitments module handles it: it
 * re-commits to the moved time and tells the customer, so the ledger and the clock agree.
 */
export const pauseEnded = defineJob({
  name: 'complaint.pause-ended',
  version: 1,
  payload: z.object({ orgId: uuid, complaintId: uuid, pauseFrom: isoInstant }),
});

/** The complaint's clocks: the timers sla set on them, and a recompute after a policy change. */
export function complaintJobHandlers(complaints: ComplaintService): JobHandler[] {
  return [
    handleJob(clockTimer, (timer) => complaints.clocks.onTimer(timer)),
    handleJob(clocksStale, async ({ orgId }) => {
      await complaints.clocks.recomputeOrg(orgId);
    }),
  ];
}
