import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { clockKinds } from '../kernel/index.ts';
import { recordAudit } from '../audit/index.ts';
import {
  dayCountLabels,
  dayCounts,
  describeTarget,
  findRegulatoryPreset,
  overlayFromPreset,
  overlayProblem,
  regulatoryPresets,
  type DayCount,
  type Overlay,
  type RegulatoryPreset,
  type Target,
} from './domain/index.ts';
import type { OverlayInput, OverlayView, PresetView } from './overlays.contract.ts';
import * as overlayRepo from './overlays.repository.ts';
import { clocksStale } from './sla.jobs.ts';
import * as repo from './sla.repository.ts';

const targetsText = (
  targets: Partial<Record<(typeof clockKinds)[number], Target>>,
  lang: Language,
  dayCount: DayCount | null,
) =>
  clockKinds.flatMap((k) => {
    const t = targets[k];
    return t ? [{ clock: k, text: describeTarget(t, lang, dayCount ?? 'same_time') }] : [];
  });

function presetView(p: RegulatoryPreset, lang: Language): PresetView {
  return {
    code: p.code,
    name: p.name[lang],
    source: p.source,
    sourceUrl: p.sourceUrl,
    citation: p.citation[lang],
    notes: p.notes[lang],
    targets: p.targets,
    targetsText: targetsText(p.targets, lang, p.dayCount?.default ?? null),
    dayCount: p.dayCount
      ? {
          default: p.dayCount.default,
          reading: p.dayCount.reading[lang],
          choices: dayCounts.map((value) => ({
            value,
            label: dayCountLabels[value][lang],
            targetsText: targetsText(p.targets, lang, value),
          })),
        }
      : null,
  };
}

const overlayView = (o: Overlay, p: RegulatoryPreset, lang: Language): OverlayView => ({
  preset: o.preset,
  name: p.name[lang],
  citation: p.citation[lang],
  calendarId: o.calendarId,
  targets: o.targets,
  targetsText: targetsText(o.targets, lang, o.dayCount),
  dayCount: o.dayCount,
  active: o.active,
});

/**
 * Regulatory presets as overlays: an org switches a preset on, and its legal clocks run on top of
 * whichever policy applies to each complaint. Every change is audited and recomputes the org's
 * open cases.
 */
export function createOverlays(deps: { db: Db; clock: Clock; jobs: JobQueue }) {
  const { db, clock, jobs } = deps;

  async function setOverlay(
    orgId: string,
    actor: Actor,
    code: string,
    input: OverlayInput,
    lang: Language,
  ): Promise<OverlayView> {
    const preset = findRegulatoryPreset(code);
    if (!preset) throw new AppError('not_found');
    return db.transaction().execute(async (tx) => {
      if (!(await repo.findCalendar(tx, orgId, input.calendarId))) throw invalidField('calendarId');
      const before = await overlayRepo.findOverlay(tx, orgId, code);
      const start = before ?? overlayFromPreset(preset, input.calendarId);
      let dayCount = input.dayCount === undefined ? start.dayCount : input.dayCount;
      // A preset counted in working days always has a reading; none given is its default.
      if (dayCount === null && preset.dayCount) dayCount = preset.dayCount.default;
      const next: Overlay = {
        preset: code,
        calendarId: input.calendarId,
        targets: input.targets ?? start.targets,
        dayCount,
        active: input.active,
      };
      const problem = overlayProblem(preset, next);
      if (problem) throw invalidField(problem);
      const saved = await overlayRepo.saveOverlay(tx, orgId, next, clock.now());
      const wasActive = before?.active ?? false;
      await recordAudit(tx, {
        orgId,
        actor,
        action:
          saved.active && !wasActive
            ? 'overlay.enabled'
            : !saved.active && wasActive
              ? 'overlay.disabled'
              : 'overlay.updated',
        entityType: 'sla_overlay',
        entityId: code,
        ...(before ? { before } : {}),
        after: saved,
      });
      await jobs.enqueue(tx, clocksStale, { orgId });
      return overlayView(saved, preset, lang);
    });
  }

  return {
    setOverlay,

    presets: (lang: Language): PresetView[] => regulatoryPresets.map((p) => presetView(p, lang)),

    /** The org's overlays, on or off (a preset never switched on has none). */
    async listOverlays(orgId: string, lang: Language): Promise<OverlayView[]> {
      return (await overlayRepo.listOverlays(db, orgId)).flatMap((o) => {
        const preset = findRegulatoryPreset(o.preset);
        return preset ? [overlayView(o, preset, lang)] : [];
      });
    },

    /** Switches a preset's overlay on, with its own clocks and reading unless given. */
    async enablePreset(
      orgId: string,
      actor: Actor,
      input: { code: string; calendarId: string; dayCount?: DayCount | undefined },
      lang: Language,
    ): Promise<OverlayView> {
      if (!findRegulatoryPreset(input.code)) throw invalidField('code');
      return setOverlay(
        orgId,
        actor,
        input.code,
        { calendarId: input.calendarId, active: true, dayCount: input.dayCount },
        lang,
      );
    },
  };
}
