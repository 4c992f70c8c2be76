import type { Executor } from '../../platform/db/index.ts';
import { businessSecondsBetween, type BusinessCalendar } from './domain/index.ts';
import { policyCalendarsOf, stoppedClocksOf } from './clock-times.repository.ts';

type Calendars = {
  calendarFor(
    executor: Executor,
    orgId: string,
    calendarId: string | null,
  ): Promise<{ calendar: BusinessCalendar }>;
};

/**
 * How long each stopped clock ran, in business seconds on its case's policy calendar (the
 * org's default calendar when the case has no policy), from its start to its stop. Pauses are
 * not subtracted: the stored clock keeps its start and stop, not its pauses.
 */
export function createClockTimes(calendars: Calendars) {
  return {
    async clockDurations(
      executor: Executor,
      orgId: string,
      cases: readonly { complaintId: string; policyId: string | null }[],
      clocks: readonly string[],
    ) {
      const policyOf = new Map(cases.map((c) => [c.complaintId, c.policyId]));
      const [stopped, policyCalendars] = await Promise.all([
        stoppedClocksOf(executor, orgId, [...policyOf.keys()], clocks),
        policyCalendarsOf(executor, orgId),
      ]);
      const cache = new Map<string | null, BusinessCalendar>();
      const calendarOf = async (id: string | null) => {
        if (!cache.has(id))
          cache.set(id, (await calendars.calendarFor(executor, orgId, id)).calendar);
        return cache.get(id)!;
      };
      const out = [];
      for (const s of stopped) {
        const policyId = policyOf.get(s.complaintId) ?? null;
        const calendar = await calendarOf(
          policyId ? (policyCalendars.get(policyId) ?? null) : null,
        );
        out.push({
          complaintId: s.complaintId,
          clock: s.clock,
          businessSeconds: Math.max(0, businessSecondsBetween(s.startedAt, s.stoppedAt, calendar)),
        });
      }
      return out;
    },
  };
}
