import { z } from 'zod';
import { isoInstant, uuid } from '../../platform/contract/fields.ts';
import { defineJob } from '../../platform/jobs/index.ts';
import { clockKindSchema } from '../kernel/kernel.contract.ts';

/**
 * The jobs the sla module sets. It knows clocks, not the records they run on, so the module that
 * owns the clocked record handles them (complaints.jobs.ts): it reloads the record's history and
 * asks sla what the timer means now. sla never calls back into that module.
 */

/** A clock's warning, breach or escalation level, due at `runAt`. */
export const clockTimer = defineJob({
  name: 'sla.check',
  version: 1,
  payload: z.object({
    orgId: uuid,
    complaintId: uuid,
    /**
     * Whose clock: 'policy' (the operational policy) or a preset's code (a legal clock). Timers
     * queued before legal clocks existed carry none and are the policy's, so version 1 still reads
     * them.
     */
    source: z.string().min(1).max(100).default('policy'),
    clock: clockKindSchema,
    dueAt: isoInstant,
    step: z.enum(['warn', 'breach', 'escalate']),
    level: z.number().int().min(0).max(10),
  }),
});
export type ClockTimer = z.infer<typeof clockTimer.payload>;

/** A policy or calendar changed: the stored due times of the org's open cases are stale. */
export const clocksStale = defineJob({
  name: 'sla.recompute-org',
  version: 1,
  payload: z.object({ orgId: uuid }),
  dedupe: 'coalesce',
});
