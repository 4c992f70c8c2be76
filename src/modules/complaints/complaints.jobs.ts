import { z } from 'zod';
import { isoInstant, uuid } from '../../platform/contract/fields.ts';
import { defineJob, handleJob, type JobHandler } from '../../platform/jobs/index.ts';
import { customerChanged } from '../customers/index.ts';
import { reasonRenamed } from '../reasons/index.ts';
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

/**
 * Every complaint of an org gets its search text rebuilt, in batches (after the text's layout
 * changed). Coalesced per org.
 */
export const searchRefresh = defineJob({
  name: 'complaint.search-refresh',
  version: 1,
  payload: z.object({ orgId: uuid }),
  dedupe: 'coalesce',
  priority: 8,
});

/** A rule matched a new case at intake: it goes to the manager now, in its own change. */
export const escalateEarly = defineJob({
  name: 'complaint.escalate-early',
  version: 1,
  payload: z.object({ orgId: uuid, complaintId: uuid }),
  priority: 3,
});

/**
 * The complaint's clocks: the timers sla set on them, and a recompute after a policy change;
 * its search text, when what it is found by changed in another module.
 */
export function complaintJobHandlers(complaints: ComplaintService): JobHandler[] {
  return [
    handleJob(clockTimer, (timer) => complaints.clocks.onTimer(timer)),
    handleJob(clocksStale, async ({ orgId }) => {
      await complaints.clocks.recomputeOrg(orgId);
    }),
    handleJob(escalateEarly, ({ orgId, complaintId }) =>
      complaints.escalateEarlyLater(orgId, complaintId),
    ),
    handleJob(searchRefresh, async ({ orgId }) => {
      await complaints.search.rebuildOrg(orgId);
    }),
    handleJob(reasonRenamed, async ({ orgId, reasonId }) => {
      await complaints.search.rebuildReason(orgId, reasonId);
    }),
    handleJob(customerChanged, async ({ orgId, customerId }) => {
      await complaints.search.rebuildCustomer(orgId, customerId);
    }),
  ];
}
