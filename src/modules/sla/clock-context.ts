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

/**
 * Loads the policy of a case (the one chosen before while it is active, else the best match) and
 * the org's active overlays, each with its calendar; every calendar is read once. Undefined when
 * no clock applies at all.
 */
export async function loadClockContext(
  executor: Executor,
  clock: Clock,
  input: PolicyCase & { orgId: string; policyId: string | null },
): Promise<ClockContext | undefined> {
  const calendars = new Map<string, LoadedCalendar | undefined>();
  const load = async (id: string) => {
    if (!calendars.has(id)) {
      const record = await repo.findCalendar(executor, input.orgId, id);
      calendars.set(
        id,
        record ? { record, calendar: cachedCalendar(record, clock.now()) } : undefined,
      );
    }
    return calendars.get(id);
  };
  const policies = await repo.listPolicies(executor, input.orgId);
  const view =
    (input.policyId ? policies.find((p) => p.id === input.policyId && p.active) : undefined) ??
    choosePolicy(policies, input);
  const policyCalendar = view ? await load(view.calendarId) : undefined;
  const overlays: ClockContext['overlays'] = [];
  for (const overlay of await overlayRepo.listOverlays(executor, input.orgId)) {
    const preset = findRegulatoryPreset(overlay.preset);
    const loaded = overlay.active && preset ? await load(overlay.calendarId) : undefined;
    if (preset && loaded) overlays.push({ ...loaded, overlay, preset });
  }
  const policy = view && policyCalendar ? { ...policyCalendar, view } : undefined;
  if (!policy && overlays.length === 0) return undefined;
  return { policy, overlays };
}
