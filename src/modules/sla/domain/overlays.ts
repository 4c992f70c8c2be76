/**
 * Regulatory overlays: the legal clocks of a preset an org switched on. They run on top of
 * whichever operational policy applies to a complaint, for every severity, beside its clocks and
 * never instead of them; several overlays can be on at once (the FCA's 3 business days and 8 weeks
 * both run). Each clock is keyed by its source: 'policy' for the operational policy, the preset's
 * code for a legal clock, so a legal and an operational clock of the same kind coexist.
 */
import type { BusinessCalendar } from './business-calendar.ts';
import {
  clockKinds,
  evaluateClocks,
  type ClockEvent,
  type ClockKind,
  type ClockPolicy,
  type ClockState,
} from './clocks.ts';
import type { DayCount, Target } from './durations.ts';
import type { RegulatoryPreset } from './presets.ts';

/** The source of the operational policy's clocks. */
export const OPERATIONAL_SOURCE = 'policy';

export type Overlay = {
  preset: string;
  calendarId: string;
  /** The preset's clocks, as the org runs them (an admin may lengthen one, e.g. 35 days). */
  targets: Partial<Record<ClockKind, Target>>;
  /** For a preset counted in working days: where the last day ends; null for the others. */
  dayCount: DayCount | null;
  active: boolean;
};

export type SourcedClockState = ClockState & { source: string };

/**
 * How a legal clock runs: from receipt, never paused (the law's period does not stop while the
 * case waits for the customer), on the law's own target rather than the promise made, warning at
 * the operational policy's share.
 */
export function overlayClockPolicy(
  overlay: Pick<Overlay, 'targets' | 'dayCount'>,
  warnAtPercent: number,
): ClockPolicy {
  return {
    targets: overlay.targets,
    warnAtPercent,
    pauseStatuses: [],
    pausedClocks: [],
    startRule: 'receipt',
    pauseMovesCommitment: false,
    fixFollowsCommitment: false,
    dayCount: overlay.dayCount ?? 'same_time',
  };
}

/**
 * Every clock of a complaint: the operational policy's (when one applies), then each active
 * overlay's in the order given, each state marked with its source.
 */
export function evaluateWithOverlays(
  events: readonly ClockEvent[],
  operational: { policy: ClockPolicy; calendar: BusinessCalendar } | undefined,
  overlays: readonly { source: string; policy: ClockPolicy; calendar: BusinessCalendar }[],
  now: Date,
): SourcedClockState[] {
  const states: SourcedClockState[] = operational
    ? evaluateClocks(events, operational.policy, operational.calendar, now).map((s) => ({
        ...s,
        source: OPERATIONAL_SOURCE,
      }))
    : [];
  for (const o of overlays)
    for (const s of evaluateClocks(events, o.policy, o.calendar, now))
      states.push({ ...s, source: o.source });
  return states;
}

/** The overlay a preset starts as when an org switches it on. */
export function overlayFromPreset(preset: RegulatoryPreset, calendarId: string): Overlay {
  return {
    preset: preset.code,
    calendarId,
    targets: { ...preset.targets },
    dayCount: preset.dayCount?.default ?? null,
    active: true,
  };
}

/**
 * What is wrong with an overlay's settings, as the field to name: its clocks must be the
 * preset's own kinds (a legal label stays on a legal clock), and a day count is for a preset
 * counted in working days only. Undefined when they fit.
 */
export function overlayProblem(
  preset: RegulatoryPreset,
  settings: Pick<Overlay, 'targets' | 'dayCount'>,
): string | undefined {
  for (const kind of clockKinds)
    if (settings.targets[kind] !== undefined && preset.targets[kind] === undefined)
      return `targets.${kind}`;
  if (Object.keys(settings.targets).length === 0) return 'targets';
  if (settings.dayCount !== null && preset.dayCount === undefined) return 'dayCount';
  return undefined;
}
