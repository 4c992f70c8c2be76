import { z } from 'zod';
import { isoDate, isoInstant, requiredText, text, uuid } from '../../platform/contract/fields.ts';
import { namesInput, namesView } from '../../platform/contract/names.ts';
import { clockStartRules, clockStates } from './domain/clocks.ts';
import { maxTargetAmount, type Target } from './domain/durations.ts';
import { escalationUnits } from './domain/escalation.ts';
import { holidayCalendars } from './domain/custom-holidays.ts';
import { holidayKinds } from './domain/vn-holidays.ts';
import {
  channelSchema,
  clockKindSchema,
  durationUnitSchema,
  pausableStatusSchema,
  severitySchema,
} from '../kernel/kernel.contract.ts';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
export const periodSchema = z.tuple([hhmm, hhmm]);
export const weeklyHoursSchema = z.object({
  mon: z.array(periodSchema).max(6),
  tue: z.array(periodSchema).max(6),
  wed: z.array(periodSchema).max(6),
  thu: z.array(periodSchema).max(6),
  fri: z.array(periodSchema).max(6),
  sat: z.array(periodSchema).max(6),
  sun: z.array(periodSchema).max(6),
});
export const holidayOverridesSchema = z.object({
  year: z.number().int().min(1900).max(2199),
  add: z
    .array(z.object({ date: isoDate, name: requiredText(200) }))
    .max(50)
    .optional(),
  remove: z.array(isoDate).max(50).optional(),
  swaps: z
    .array(
      z.object({
        dayOff: isoDate,
        workday: isoDate,
        hours: z.array(periodSchema).max(6).optional(),
      }),
    )
    .max(20)
    .optional(),
});
export const customHolidaySchema = z.object({
  name: requiredText(200),
  calendar: z.enum(holidayCalendars),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  leap: z.boolean().optional(),
  year: z.number().int().min(1900).max(2199).optional(),
});

/**
 * A name per UI language (`names`); the default language of the org is required, the others fall
 * back to it. `name` alone, as older clients send it, is the name in the default language.
 */
const naming = { name: requiredText(200).optional(), names: namesInput.optional() };

export const calendarInput = z.object({
  ...naming,
  timeZone: text({ min: 1, max: 64 }),
  weeklyHours: weeklyHoursSchema,
  dateHours: z.record(isoDate, z.array(periodSchema).max(6)).default({}),
  holidays: z
    .array(z.object({ date: isoDate, name: text({ max: 200 }) }))
    .max(1000)
    .default([]),
  holidayCountry: z.enum(['VN']).nullable().default('VN'),
  holidayOverrides: z.array(holidayOverridesSchema).max(100).default([]),
  customHolidays: z.array(customHolidaySchema).max(200).default([]),
  isDefault: z.boolean().default(false),
});
export type CalendarInput = z.infer<typeof calendarInput>;
/** `name` is in the reader's language (or the org's default language when it has none). */
export const calendarView = calendarInput.extend({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  names: namesView,
});
export type CalendarView = z.infer<typeof calendarView>;

export const holidayView = z.object({
  date: z.string(),
  name: z.string(),
  kind: z.enum([...holidayKinds, 'custom', 'imported']),
});
export const holidayYearView = z.object({
  year: z.number(),
  generated: z.array(holidayView),
  effective: z.array(holidayView),
  workdays: z.array(
    z.object({ date: z.string(), hours: z.array(z.tuple([z.string(), z.string()])) }),
  ),
  overrides: holidayOverridesSchema.nullable(),
});
export const icsImportRequest = z.object({
  ics: text({ min: 1, max: 1_000_000 }),
  fromYear: z.number().int().min(1900).max(2199),
  toYear: z.number().int().min(1900).max(2199),
});

export { clockKindSchema, durationUnitSchema };
/** How dates and times are written, per language, on every screen and in mail (pure). */
export {
  formatDate,
  formatDateTime,
  lunarDateAroundTet,
  lunarText,
  type DateLanguage,
} from './domain/date-text.ts';
/**
 * An amount no larger than its unit allows (10,000, or 520 calendar weeks: ten years), so no
 * due time falls outside what the calendar arithmetic can reach.
 */
export function capAmountByUnit(amountField: string, unitField: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const unit = value[unitField];
    const amount = value[amountField];
    if (typeof unit !== 'string' || typeof amount !== 'number') return;
    const maximum = maxTargetAmount(unit as Target['unit']);
    if (amount > maximum)
      ctx.addIssue({
        code: 'too_big',
        origin: 'number',
        maximum,
        inclusive: true,
        path: [amountField],
        input: amount,
      });
  };
}

export const targetSchema = z
  .object({
    amount: z.number().int().min(1).max(10_000),
    unit: durationUnitSchema,
  })
  .superRefine(capAmountByUnit('amount', 'unit'));
export const escalationUnitSchema = z.enum(escalationUnits);
export const escalationStepSchema = z.object({
  level: z.number().int().min(1).max(5),
  /** 0 is at once: at the breach, or for business units the next open instant from it. */
  amount: z.number().int().min(0).max(10_000),
  unit: escalationUnitSchema,
});
const defaultEscalation: z.infer<typeof escalationStepSchema>[] = [
  { level: 1, amount: 0, unit: 'business_minutes' },
  { level: 2, amount: 4, unit: 'business_hours' },
];

export const policyInput = z.object({
  ...naming,
  priority: z.number().int().min(0).max(10_000).default(100),
  match: z
    .object({
      reasonIds: z.array(uuid).max(200).default([]),
      severities: z.array(severitySchema).default([]),
      channels: z.array(channelSchema).default([]),
      tiers: z
        .array(text({ min: 1, max: 50 }))
        .max(20)
        .default([]),
    })
    .default({ reasonIds: [], severities: [], channels: [], tiers: [] }),
  calendarId: uuid,
  targets: z.partialRecord(clockKindSchema, targetSchema),
  internalTargets: z
    .object({ deadline_request: targetSchema.optional(), approval: targetSchema.optional() })
    .default({}),
  warnAtPercent: z.number().int().min(1).max(99).default(75),
  pauseStatuses: z.array(pausableStatusSchema).default(['waiting_customer']),
  pausedClocks: z
    .array(clockKindSchema)
    .default(['first_response', 'next_update', 'commitment', 'fix']),
  startRule: z.enum(clockStartRules).default('receipt'),
  /**
   * A pause moves a committed due, which is then re-committed automatically and the customer
   * told; or (false) it leaves the due where the customer was told it is.
   */
  pauseMovesCommitment: z.boolean().default(true),
  /** Sending the read-back waits for the customer (the case pauses until they answer). */
  pauseOnReadBack: z.boolean().default(true),
  /**
   * Levels up the org chart after a breach. The delay is in business time unless its unit says
   * calendar: a breach at 20:50 reaches the manager when the office opens.
   */
  escalation: z.array(escalationStepSchema).max(5).default(defaultEscalation),
  preset: text({ max: 100 }).nullable().default(null),
  active: z.boolean().default(true),
});
export type PolicyInput = z.infer<typeof policyInput>;
/** `name` is in the reader's language (or the org's default language when it has none). */
export const policyView = policyInput.extend({
  id: z.string(),
  name: z.string(),
  names: namesView,
  /**
   * When each target was switched on (read-only). A clock that starts at a fix runs only for
   * fixes after its target was switched on.
   */
  targetsSince: z.partialRecord(clockKindSchema, z.string()).default({}),
});
export type PolicyView = z.infer<typeof policyView>;

export const clockStateSchema = z.enum(clockStates);
export const clockStateView = z.object({
  /** 'policy' for the operational policy's clocks, else the code of the preset it comes from. */
  source: z.string(),
  /** A legal clock's source in the reader's language ("Luật 19/2023/QH15, Điều 57(2)"); else null. */
  sourceLabel: z.string().nullable(),
  clock: clockKindSchema,
  state: clockStateSchema,
  startedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  warnAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  remainingSeconds: z.number().nullable(),
  usedPercent: z.number().nullable(),
  target: z.string().nullable(),
  pauses: z.array(z.object({ from: z.string(), to: z.string().nullable() })),
});
export type ClockStateView = z.infer<typeof clockStateView>;
export const complaintClocksView = z.object({
  policy: z
    .object({ id: z.string(), name: z.string(), calendarName: z.string(), timeZone: z.string() })
    .nullable(),
  clocks: z.array(clockStateView),
  nextDue: z.object({ clock: clockKindSchema, dueAt: z.string() }).nullable(),
});
export type ComplaintClocksView = z.infer<typeof complaintClocksView>;

export const calendarCheckRequest = z.object({ start: isoInstant, target: targetSchema });

/** The starting calendar and policy of a new org, which the admin screens also start from. */
export const slaDefaults = z.object({
  calendar: calendarInput,
  policy: policyInput.omit({ calendarId: true }),
});
export type SlaDefaults = z.infer<typeof slaDefaults>;

/** GET /api/calendars. */
export const calendarList = z.object({ items: z.array(calendarView) });
/** GET /api/calendars/:id/holidays. */
export const holidayYearQuery = z.object({ year: z.coerce.number().int().min(1900).max(2199) });
/** POST /api/calendars/:id/import-ics. */
export const icsImportResponse = z.object({ imported: z.number() });
/** GET /api/sla-policies. */
export const policyList = z.object({ items: z.array(policyView) });
