import { z } from 'zod';
import { text, uuid } from '../../platform/contract/fields.ts';
import { clockKindSchema } from '../kernel/kernel.contract.ts';
import { dayCounts } from './domain/durations.ts';
import { targetSchema } from './sla.contract.ts';

/** Where the last of n working days ends: at 24:00 of that day, or at the time of receipt. */
export const dayCountSchema = z.enum(dayCounts);
const targetsSchema = z.partialRecord(clockKindSchema, targetSchema);
const targetsText = z.array(z.object({ clock: clockKindSchema, text: z.string() }));

export const presetView = z.object({
  code: z.string(),
  name: z.string(),
  source: z.string(),
  sourceUrl: z.string(),
  /** The label its clocks carry, in the reader's language. */
  citation: z.string(),
  notes: z.string(),
  targets: targetsSchema,
  /** The clocks it adds, worded with its default reading. */
  targetsText,
  /** For a preset counted in working days: the default reading, why, and what each choice adds. */
  dayCount: z
    .object({
      default: dayCountSchema,
      reading: z.string(),
      choices: z.array(z.object({ value: dayCountSchema, label: z.string(), targetsText })),
    })
    .nullable(),
});
export type PresetView = z.infer<typeof presetView>;

/**
 * Switching a preset on or off for the org, or changing how it runs. On a first switch-on,
 * omitted fields take the preset's own; later, they keep what was saved.
 */
export const overlayInput = z.object({
  calendarId: uuid,
  active: z.boolean().default(true),
  /** Only for a preset counted in working days. */
  dayCount: dayCountSchema.nullish(),
  /** The preset's clocks as the org runs them (its own kinds only), e.g. 35 business days. */
  targets: targetsSchema.optional(),
});
export type OverlayInput = z.infer<typeof overlayInput>;

export const overlayView = z.object({
  preset: z.string(),
  name: z.string(),
  citation: z.string(),
  calendarId: z.string(),
  targets: targetsSchema,
  targetsText,
  dayCount: dayCountSchema.nullable(),
  active: z.boolean(),
});
export type OverlayView = z.infer<typeof overlayView>;

/** POST /api/sla-presets/enable: switches the preset's overlay on (`priority` is not used). */
export const enablePresetRequest = z.object({
  code: text({ min: 1, max: 100 }),
  calendarId: uuid,
  priority: z.number().int().min(0).max(10_000).optional(),
  dayCount: dayCountSchema.optional(),
});
export const presetParams = z.object({ preset: text({ min: 1, max: 100 }) });

/** GET /api/sla-presets. */
export const presetList = z.object({ items: z.array(presetView) });
/** GET /api/sla-overlays. */
export const overlayList = z.object({ items: z.array(overlayView) });
