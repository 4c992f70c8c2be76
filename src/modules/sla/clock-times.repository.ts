import type { Executor } from '../../platform/db/index.ts';

export type StoppedClock = {
  complaintId: string;
  clock: string;
  startedAt: Date;
  stoppedAt: Date;
};

/**
 * The operational policy's clocks of the given cases that have started and stopped (met, or
 * stopped late), as the engine stores them. Regulatory overlays' clocks are left out.
 */
export async function stoppedClocksOf(
  db: Executor,
  orgId: string,
  complaintIds: readonly string[],
  clocks: readonly string[],
): Promise<StoppedClock[]> {
  if (complaintIds.length === 0 || clocks.length === 0) return [];
  const rows = await db
    .selectFrom('complaint_clocks')
    .select(['complaint_id', 'clock', 'started_at', 'stopped_at'])
    .where('org_id', '=', orgId)
    .where('source', '=', 'policy')
    .where('complaint_id', 'in', complaintIds)
    .where('clock', 'in', clocks)
    .where('started_at', 'is not', null)
    .where('stopped_at', 'is not', null)
    .execute();
  return rows.map((r) => ({
    complaintId: r.complaint_id,
    clock: r.clock,
    startedAt: r.started_at!,
    stoppedAt: r.stopped_at!,
  }));
}

/** Each policy's calendar. */
export async function policyCalendarsOf(db: Executor, orgId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('sla_policies')
    .select(['id', 'calendar_id'])
    .where('org_id', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.calendar_id]));
}
