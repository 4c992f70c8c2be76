import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/index.ts';
import { cachedCalendar } from './calendar-cache.ts';
import {
  choosePolicy,
  findRegulatoryPreset,
  type BusinessCalendar,
  type Overlay,
  type PolicyCase,
  type RegulatoryPreset,
} from './domain/index.ts';
import * as overlayRepo from './overlays.repository.ts';
import type { PolicyView } from './sla.contract.ts';
import * as repo from './sla.repository.ts';

export type LoadedCalendar = { record: repo.StoredCalendar; calendar: BusinessCalendar };

/** What a complaint's clocks run on: the operational policy (if one applies) and the overlays. */
export type ClockContext = {
  policy: (LoadedCalendar & { view: PolicyView }) | undefined;
  overlays: (LoadedCalendar & { overlay: Overlay; preset: RegulatoryPreset })[];
};

/** An org's clock configuration as stored: what a context is chosen from. */
export type ClockConfig = {
  policies: PolicyView[];
  overlays: Overlay[];
  calendars: Map<string, repo.StoredCalendar>;
};

/** Reads an org's policies, overlays and calendars (three statements). */
export async function loadClockConfig(executor: Executor, orgId: string): Promise<ClockConfig> {
  const [policies, overlays, calendars] = await Promise.all([
    repo.listPolicies(executor, orgId),
    overlayRepo.listOverlays(executor, orgId),
    repo.listCalendars(executor, orgId),
  ]);
  return { policies, overlays, calendars: new Map(calendars.map((c) => [c.id, c])) };
}

/**
 * The policy of a case (the one chosen before while it is active, else the best match) and the
 * org's active overlays, each with its calendar. Undefined when no clock applies at all.
 */
export function clockContextFrom(
  config: ClockConfig,
  clock: Clock,
  input: PolicyCase & { policyId: string | null },
): ClockContext | undefined {
  const load = (id: string): LoadedCalendar | undefined => {
    const record = config.calendars.get(id);
    return record ? { record, calendar: cachedCalendar(record, clock.now()) } : undefined;
  };
  const view =
    (input.policyId
      ? config.policies.find((p) => p.id === input.policyId && p.active)
      : undefined) ?? choosePolicy(config.policies, input);
  const policyCalendar = view ? load(view.calendarId) : undefined;
  const overlays: ClockContext['overlays'] = [];
  for (const overlay of config.overlays) {
    const preset = findRegulatoryPreset(overlay.preset);
    const loaded = overlay.active && preset ? load(overlay.calendarId) : undefined;
    if (preset && loaded) overlays.push({ ...loaded, overlay, preset });
  }
  const policy = view && policyCalendar ? { ...policyCalendar, view } : undefined;
  if (!policy && overlays.length === 0) return undefined;
  return { policy, overlays };
}

/** {@link clockContextFrom} on the configuration as it is now in the database. */
export async function loadClockContext(
  executor: Executor,
  clock: Clock,
  input: PolicyCase & { orgId: string; policyId: string | null },
): Promise<ClockContext | undefined> {
  return clockContextFrom(await loadClockConfig(executor, input.orgId), clock, input);
}
