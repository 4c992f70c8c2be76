/**
 * SLA targets ("7 business days", "8 weeks", "close of business on the 3rd business day") and the
 * arithmetic that turns a target, a start and the pauses into a due instant.
 *
 * Every target is measured in one of two ways:
 * - business time: the open time of the business calendar (business minutes, hours and days, and
 *   close_of_business_days); a pause removes only the open time it covers, so a pause over a
 *   weekend adds nothing;
 * - wall time: elapsed real time (calendar minutes to weeks); a pause extends the due by its
 *   length.
 */
import {
  addBusinessDays,
  addBusinessSeconds,
  addCalendarDays,
  addCalendarMinutes,
  addCalendarWeeks,
  businessSecondsBetween,
  closeOfBusiness,
  endOfBusinessDay,
  type BusinessCalendar,
  type Pause,
} from './business-calendar.ts';

import { durationUnits, type DurationUnit } from '../../kernel/index.ts';

export { durationUnits, type DurationUnit };

export type Target = { amount: number; unit: DurationUnit };

/**
 * Where the last of n business days ends, for a target in business days: at the same local time of
 * day as the start ({@link addBusinessDays}, the default), or at the end of that day (24:00,
 * {@link endOfBusinessDay}), the reading of laws that count whole working days.
 */
export const dayCounts = ['same_time', 'end_of_day'] as const;
export type DayCount = (typeof dayCounts)[number];

/** A pause as clocks see it: `to` is missing while the pause is still open. */
export type OpenPause = { from: Date; to?: Date | undefined };

export type DescribeLanguage = 'vi' | 'en' | 'zh';

const MAX_AMOUNT = 10_000;
const MAX_WEEKS = 520;

/** The largest amount {@link validateTarget} accepts for a unit (for the `{max}` of the message). */
export function maxTargetAmount(unit: DurationUnit): number {
  return unit === 'calendar_weeks' ? MAX_WEEKS : MAX_AMOUNT;
}

/**
 * Checks a target from untrusted input. Returns an i18n message key, or undefined when valid:
 * `field.invalid_option` (unknown unit), `field.invalid_type` (amount not a number),
 * `field.invalid` (not a whole number), `field.too_small_number` (below 1, min 1) or
 * `field.too_big_number` (above {@link maxTargetAmount}: 10,000, or 520 for calendar weeks).
 */
export function validateTarget(target: { amount: unknown; unit: unknown }): string | undefined {
  const { amount, unit } = target;
  if (typeof unit !== 'string' || !(durationUnits as readonly string[]).includes(unit)) {
    return 'field.invalid_option';
  }
  if (typeof amount !== 'number' || Number.isNaN(amount)) return 'field.invalid_type';
  if (!Number.isInteger(amount)) return amount < 1 ? 'field.too_small_number' : 'field.invalid';
  if (amount < 1) return 'field.too_small_number';
  if (amount > maxTargetAmount(unit as DurationUnit)) return 'field.too_big_number';
  return undefined;
}

function assertValid(target: Target): void {
  const problem = validateTarget(target);
  if (problem !== undefined) {
    throw new RangeError(`invalid target ${JSON.stringify(target)}: ${problem}`);
  }
}

function isBusinessUnit(unit: DurationUnit): boolean {
  switch (unit) {
    case 'business_minutes':
    case 'business_hours':
    case 'business_days':
    case 'close_of_business_days':
      return true;
    case 'calendar_minutes':
    case 'calendar_hours':
    case 'calendar_days':
    case 'calendar_weeks':
      return false;
  }
}

/**
 * The due instant of a target started at `start`, ignoring pauses.
 * - business minutes and hours: {@link addBusinessSeconds} (the earliest instant with that much
 *   open time, so it can be a period's end such as 12:00 before lunch);
 * - business days: {@link addBusinessDays} (same local time on the n-th business day);
 * - close_of_business_days: {@link closeOfBusiness} (end of the n-th business day after the start's
 *   local date, whatever the time of day);
 * - calendar minutes and hours: elapsed time; calendar days and weeks: the same wall-clock time
 *   n local days later in the calendar's time zone.
 * With `dayCount` 'end_of_day', business days end at 24:00 of the n-th business day instead.
 * @throws RangeError for an invalid target (see {@link validateTarget}) or Date.
 */
export function dueAfter(
  start: Date,
  target: Target,
  calendar: BusinessCalendar,
  dayCount: DayCount = 'same_time',
): Date {
  assertValid(target);
  const { amount } = target;
  switch (target.unit) {
    case 'business_minutes':
      return addBusinessSeconds(start, amount * 60, calendar);
    case 'business_hours':
      return addBusinessSeconds(start, amount * 3600, calendar);
    case 'business_days':
      return dayCount === 'end_of_day'
        ? endOfBusinessDay(start, amount, calendar)
        : addBusinessDays(start, amount, calendar);
    case 'close_of_business_days':
      return closeOfBusiness(start, amount, calendar);
    case 'calendar_minutes':
      return addCalendarMinutes(start, amount);
    case 'calendar_hours':
      return addCalendarMinutes(start, amount * 60);
    case 'calendar_days':
      return addCalendarDays(start, amount, calendar);
    case 'calendar_weeks':
      return addCalendarWeeks(start, amount, calendar);
  }
}

// ---------------------------------------------------------------------------------------------
// Schedules: a start, an unpaused due and how time between them is measured

export type Measure = 'business' | 'wall';

/**
 * What the clock arithmetic needs to know about one run of a clock: it starts at `start`, is due
 * at `due` when nothing pauses it, and consumes `totalMs` of `measure` time in between.
 */
export type Schedule = {
  readonly start: Date;
  readonly due: Date;
  readonly measure: Measure;
  readonly totalMs: number;
  readonly calendar: BusinessCalendar;
};

/** The schedule of a target started at `start`. */
export function scheduleOf(
  start: Date,
  target: Target,
  calendar: BusinessCalendar,
  dayCount: DayCount = 'same_time',
): Schedule {
  const due = dueAfter(start, target, calendar, dayCount);
  const measure: Measure = isBusinessUnit(target.unit) ? 'business' : 'wall';
  return scheduleUntil(start, due, measure, calendar);
}

/**
 * The schedule of a clock with a fixed due instant (e.g. a committed due time), measured from
 * `start`. A due before the start gives a zero total: the clock is due at once.
 */
export function scheduleUntil(
  start: Date,
  due: Date,
  measure: Measure,
  calendar: BusinessCalendar,
): Schedule {
  const s = instantOf(start, 'start');
  const d = instantOf(due, 'due');
  const totalMs = d > s ? measureMs(measure, calendar, s, d) : 0;
  return { start: new Date(s), due: new Date(d), measure, totalMs, calendar };
}

function instantOf(date: Date, name: string): number {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError(`${name} is an invalid Date`);
  return t;
}

/** Unpaused measure time in [a, b), a ≤ b (both finite). */
function measureMs(measure: Measure, calendar: BusinessCalendar, a: number, b: number): number {
  if (b <= a) return 0;
  if (measure === 'wall') return b - a;
  return Math.round(businessSecondsBetween(new Date(a), new Date(b), calendar) * 1000);
}

function advance(schedule: Schedule, from: number, ms: number): number {
  if (schedule.measure === 'wall') return from + ms;
  return addBusinessSeconds(new Date(from), ms / 1000, schedule.calendar).getTime();
}

/** Pauses as sorted, merged [from, to) pairs clipped to start at `start`; open ones end at ∞. */
function normalizePauses(pauses: readonly OpenPause[], start: number): [number, number][] {
  const spans: [number, number][] = [];
  for (const [i, pause] of pauses.entries()) {
    const from = instantOf(pause.from, `pauses[${i}].from`);
    const to = pause.to === undefined ? Infinity : instantOf(pause.to, `pauses[${i}].to`);
    if (to < from) throw new RangeError(`pauses[${i}] ends before it starts`);
    const s = Math.max(from, start);
    if (to > s) spans.push([s, to]);
  }
  spans.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of spans) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** Measure time in [a, b) not covered by `spans` (normalized). */
function unpausedMs(schedule: Schedule, spans: [number, number][], a: number, b: number): number {
  if (b <= a) return 0;
  if (schedule.measure === 'business') {
    const pauses: Pause[] = [];
    for (const [s, e] of spans) {
      const to = Math.min(e, b);
      if (to > s) pauses.push({ from: new Date(s), to: new Date(to) });
    }
    const seconds = businessSecondsBetween(new Date(a), new Date(b), schedule.calendar, pauses);
    return Math.round(seconds * 1000);
  }
  let total = b - a;
  for (const [s, e] of spans) total -= Math.max(0, Math.min(e, b) - Math.max(s, a));
  return total;
}

/**
 * The earliest instant by which `needMs` of unpaused measure time has passed since the start, or
 * undefined when an open pause begins before that.
 */
function walk(schedule: Schedule, spans: [number, number][], needMs: number): number | undefined {
  let cursor = schedule.start.getTime();
  let need = needMs;
  if (need <= 0) return cursor;
  for (const [from, to] of spans) {
    if (from > cursor) {
      const candidate = advance(schedule, cursor, need);
      if (candidate <= from) return candidate;
      need -= measureMs(schedule.measure, schedule.calendar, cursor, from);
    }
    if (to === Infinity) return undefined;
    cursor = Math.max(cursor, to);
  }
  return advance(schedule, cursor, need);
}

/**
 * The due instant of a schedule when the clock does not count during `pauses`. When the pauses
 * cover no measure time before the unpaused due, that due is returned unchanged (so business days
 * keep their time of day); otherwise the result is the earliest instant by which the schedule's
 * total of unpaused time has passed. Undefined when an open pause began before the due.
 */
export function scheduledDue(schedule: Schedule, pauses: readonly OpenPause[]): Date | undefined {
  const start = schedule.start.getTime();
  const due = schedule.due.getTime();
  const spans = normalizePauses(pauses, start);
  const pausedBeforeDue =
    measureMs(schedule.measure, schedule.calendar, start, due) -
    unpausedMs(schedule, spans, start, due);
  // Pauses that cover no measure time (a weekend, a night) leave the due exactly as it was; this
  // also covers an open pause that began once the target's time was already used up.
  if (pausedBeforeDue <= 0) return new Date(due);
  const result = walk(schedule, spans, schedule.totalMs);
  return result === undefined ? undefined : new Date(result);
}

/** Unpaused measure time consumed from the start to `at` (0 before the start). */
export function scheduledElapsedMs(
  schedule: Schedule,
  at: Date,
  pauses: readonly OpenPause[],
): number {
  const start = schedule.start.getTime();
  const end = instantOf(at, 'at');
  return unpausedMs(schedule, normalizePauses(pauses, start), start, end);
}

/**
 * The instant at which `percent` of the schedule's total is consumed, respecting pauses; 100 gives
 * {@link scheduledDue}. Undefined when an open pause began before that instant.
 */
export function scheduledInstantAt(
  schedule: Schedule,
  pauses: readonly OpenPause[],
  percent: number,
): Date | undefined {
  if (!Number.isFinite(percent) || percent < 0) {
    throw new RangeError(`percent must be a finite number ≥ 0, got ${percent}`);
  }
  if (percent === 100) return scheduledDue(schedule, pauses);
  const spans = normalizePauses(pauses, schedule.start.getTime());
  const result = walk(schedule, spans, Math.round((schedule.totalMs * percent) / 100));
  return result === undefined ? undefined : new Date(result);
}

// ---------------------------------------------------------------------------------------------
// The public face for a target

/**
 * Due instant when the clock does not count during `pauses`:
 * - business units skip the paused open time (a pause over a weekend or a night adds nothing);
 * - calendar units are extended by the paused wall time;
 * - close_of_business_days is computed on the unpaused schedule, then extended by the open time
 *   paused before it (and by any pause met while extending).
 * Pauses may overlap each other, start before `start` (only the part after it counts) and extend
 * past the due. A pause whose `to` is undefined is still open: if it began before the due, the
 * result is undefined (the clock is paused and has no due yet).
 */
export function dueWithPauses(
  start: Date,
  target: Target,
  calendar: BusinessCalendar,
  pauses: readonly OpenPause[],
): Date | undefined {
  return scheduledDue(scheduleOf(start, target, calendar), pauses);
}

/**
 * Time consumed from `start` to `at` and the target's total, in the target's measure (business
 * seconds for business units and close_of_business_days, wall seconds for calendar units),
 * excluding pauses (an open pause counts up to `at`). Elapsed is 0 before the start and may exceed
 * the total once overdue.
 */
export function consumed(
  start: Date,
  at: Date,
  target: Target,
  calendar: BusinessCalendar,
  pauses: readonly OpenPause[],
): { elapsedSeconds: number; totalSeconds: number } {
  const schedule = scheduleOf(start, target, calendar);
  return {
    elapsedSeconds: scheduledElapsedMs(schedule, at, pauses) / 1000,
    totalSeconds: schedule.totalMs / 1000,
  };
}

/**
 * The instant at which `percent` of the target is used (respecting pauses), e.g. 75 for a warning;
 * undefined when an open pause began before it.
 */
export function instantAtShare(
  start: Date,
  target: Target,
  calendar: BusinessCalendar,
  pauses: readonly OpenPause[],
  percent: number,
): Date | undefined {
  return scheduledInstantAt(scheduleOf(start, target, calendar), pauses, percent);
}

// ---------------------------------------------------------------------------------------------
// Wording

function englishOrdinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

function english(n: number, unit: DurationUnit): string {
  const plural = (word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  switch (unit) {
    case 'business_minutes':
      return plural('business minute');
    case 'business_hours':
      return plural('business hour');
    case 'business_days':
      return plural('business day');
    case 'calendar_minutes':
      return plural('minute');
    case 'calendar_hours':
      return plural('hour');
    case 'calendar_days':
      return plural('day');
    case 'calendar_weeks':
      return plural('week');
    case 'close_of_business_days':
      return `close of business on the ${englishOrdinal(n)} business day`;
  }
}

function vietnamese(n: number, unit: DurationUnit): string {
  switch (unit) {
    case 'business_minutes':
      return `${n} phút làm việc`;
    case 'business_hours':
      return `${n} giờ làm việc`;
    case 'business_days':
      return `${n} ngày làm việc`;
    case 'calendar_minutes':
      return `${n} phút`;
    case 'calendar_hours':
      return `${n} giờ`;
    case 'calendar_days':
      return `${n} ngày`;
    case 'calendar_weeks':
      return `${n} tuần`;
    case 'close_of_business_days':
      return `hết ngày làm việc thứ ${n}`;
  }
}

function chinese(n: number, unit: DurationUnit): string {
  switch (unit) {
    case 'business_minutes':
      return `${n}个工作分钟`;
    case 'business_hours':
      return `${n}个工作小时`;
    case 'business_days':
      return `${n}个工作日`;
    case 'calendar_minutes':
      return `${n}分钟`;
    case 'calendar_hours':
      return `${n}小时`;
    case 'calendar_days':
      return `${n}个自然日`;
    case 'calendar_weeks':
      return `${n}周`;
    case 'close_of_business_days':
      return `${n}个工作日结束前`;
  }
}

/** "by 24:00 on the 7th business day": a business-days target that ends at the end of its day. */
function endOfDayText(n: number, lang: DescribeLanguage): string {
  switch (lang) {
    case 'vi':
      return `đến 24:00 ngày làm việc thứ ${n}`;
    case 'en':
      return `by 24:00 on the ${englishOrdinal(n)} business day`;
    case 'zh':
      return `第${n}个工作日24:00前`;
  }
}

/**
 * A short label for a target: "7 ngày làm việc", "8 weeks", "3个工作日结束前"; with `dayCount`
 * 'end_of_day', business days read "đến 24:00 ngày làm việc thứ 7".
 */
export function describeTarget(
  target: Target,
  lang: DescribeLanguage,
  dayCount: DayCount = 'same_time',
): string {
  if (target.unit === 'business_days' && dayCount === 'end_of_day')
    return endOfDayText(target.amount, lang);
  switch (lang) {
    case 'vi':
      return vietnamese(target.amount, target.unit);
    case 'en':
      return english(target.amount, target.unit);
    case 'zh':
      return chinese(target.amount, target.unit);
  }
}
