import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { NoticesService } from '../notices/index.ts';
import type { OrgService } from '../org/index.ts';
import type { ReasonService } from '../reasons/index.ts';
import { createCalendars } from './calendars.ts';
import { createClockTimes } from './clock-times.ts';
import { createClockEngine } from './clock-engine.ts';
import { dueAfter, type BusinessCalendar, type Target } from './domain/index.ts';
import { createOverlays } from './overlays.ts';
import { createPolicies } from './policies.ts';

export type SlaService = ReturnType<typeof createSlaService>;

/**
 * Clocks on business calendars: the calendars and policies an admin sets, and the engine that
 * derives, stores and times the clocks of a record another module owns and passes in.
 */
export function createSlaService(deps: {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  notices: NoticesService;
  org: OrgService;
  reasons: ReasonService;
}) {
  const calendars = createCalendars(deps);
  return {
    ...calendars,
    ...createClockTimes(calendars),
    ...createPolicies(deps),
    ...createOverlays(deps),
    ...createClockEngine(deps),
    dueAfter: (start: Date, target: Target, calendar: BusinessCalendar): Date =>
      dueAfter(start, target, calendar),
  };
}
