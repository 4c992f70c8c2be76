/**
 * Business calendars: when an org is open, and arithmetic over open time.
 *
 * A calendar is plain JSON-shaped data (see {@link BusinessCalendar}). Every function takes it as an
 * argument and treats it as an immutable value: the compiled form (parsed periods, per-day open
 * intervals) is cached per calendar object, so do not mutate a calendar after first use; build a new
 * object instead.
 *
 * Semantics shared by every function:
 * - A day's open periods are half-open intervals [start, end) of real instants. On a DST day the
 *   open time is the real elapsed time inside the periods; see {@link GapPolicy} in time-zone.ts for
 *   wall-clock times that are skipped (they map to the moment the clocks jump) or repeated (the
 *   first occurrence).
 * - The hours of a local date are `dateHours[date]` when present (even an empty list, which closes
 *   the day), else none when the date is in `holidays`, else the weekday's `weeklyHours`.
 * - A business day is a local date whose hours are not empty.
 */
import {
  MS_PER_DAY,
  MS_PER_MINUTE,
  WEEKDAYS,
  parseIsoDate,
  weekdayIndex,
  type Weekday,
} from './civil-date.ts';
import {
  instantToLocal,
  isValidTimeZone,
  localDayOf,
  localToInstant,
  zoneOffsetMs,
} from './time-zone.ts';

export type { Weekday } from './civil-date.ts';

/** Wall-clock open period `["HH:MM", "HH:MM"]`; the end may be "24:00" (end of day). */
export type Period = readonly [start: string, end: string];
export type WeeklyHours = Readonly<Record<Weekday, readonly Period[]>>;

export type BusinessCalendar = {
  /** IANA time zone name, e.g. "Asia/Ho_Chi_Minh". */
  readonly timeZone: string;
  readonly weeklyHours: WeeklyHours;
  /** Local dates `YYYY-MM-DD` closed all day. */
  readonly holidays: readonly string[];
  /** Replacement hours for single local dates; wins over `holidays`; `[]` closes the date. */
  readonly dateHours: Readonly<Record<string, readonly Period[]>>;
};

/** An interval during which a clock is paused (e.g. waiting for the customer). */
export type Pause = { readonly from: Date; readonly to: Date };

export type CalendarParseResult =
  { ok: true; calendar: BusinessCalendar } | { ok: false; field: string; message: string };

export type PeriodsParseResult =
  { ok: true; periods: Period[] } | { ok: false; field: string; message: string };

const CALENDAR_KEYS = new Set(['timeZone', 'weeklyHours', 'holidays', 'dateHours']);
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * Validates a list of open periods: each `["HH:MM","HH:MM"]` with start < end, sorted and not
 * overlapping (touching is allowed). `field` prefixes error locations, e.g. `weeklyHours.mon`.
 */
export function parsePeriods(value: unknown, field: string): PeriodsParseResult {
  if (!Array.isArray(value)) {
    return { ok: false, field, message: 'must be an array of ["HH:MM","HH:MM"] periods' };
  }
  const periods: Period[] = [];
  let previousEnd = -1;
  for (const [i, item] of value.entries()) {
    const at = `${field}[${i}]`;
    if (!Array.isArray(item) || item.length !== 2) {
      return { ok: false, field: at, message: 'must be a pair ["HH:MM","HH:MM"]' };
    }
    const [start, end] = item as unknown[];
    if (typeof start !== 'string' || !HH_MM.test(start) || start === '24:00') {
      return {
        ok: false,
        field: at,
        message: `start must be HH:MM (00:00–23:59), got ${show(start)}`,
      };
    }
    if (typeof end !== 'string' || !HH_MM.test(end)) {
      return { ok: false, field: at, message: `end must be HH:MM (00:00–24:00), got ${show(end)}` };
    }
    const s = minutesOf(start);
    const e = minutesOf(end);
    if (s >= e)
      return { ok: false, field: at, message: `start ${start} must be before end ${end}` };
    if (s < previousEnd) {
      return {
        ok: false,
        field: at,
        message: `overlaps or precedes the previous period; periods must be sorted and disjoint`,
      };
    }
    previousEnd = e;
    periods.push([start, end]);
  }
  return { ok: true, periods };
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/**
 * Validates untrusted JSON into a {@link BusinessCalendar}, naming the first bad field
 * (e.g. `weeklyHours.mon[1]`). Missing weekdays, `holidays` and `dateHours` default to closed/empty;
 * unknown keys are rejected so typos do not pass silently. Holidays come back sorted and unique.
 */
export function parseBusinessCalendar(json: unknown): CalendarParseResult {
  if (!isRecord(json)) return { ok: false, field: '', message: 'calendar must be a JSON object' };
  for (const key of Object.keys(json)) {
    if (!CALENDAR_KEYS.has(key)) return { ok: false, field: key, message: 'unknown field' };
  }
  const { timeZone, weeklyHours, holidays = [], dateHours = {} } = json;
  if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) {
    return {
      ok: false,
      field: 'timeZone',
      message: `must be an IANA time zone such as "Asia/Ho_Chi_Minh", got ${show(timeZone)}`,
    };
  }
  if (!isRecord(weeklyHours)) {
    return { ok: false, field: 'weeklyHours', message: 'must be an object keyed mon..sun' };
  }
  for (const key of Object.keys(weeklyHours)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      return { ok: false, field: `weeklyHours.${key}`, message: 'unknown weekday; use mon..sun' };
    }
  }
  const weekly = {} as Record<Weekday, Period[]>;
  for (const day of WEEKDAYS) {
    const parsed = parsePeriods(weeklyHours[day] ?? [], `weeklyHours.${day}`);
    if (!parsed.ok) return parsed;
    weekly[day] = parsed.periods;
  }
  if (!Array.isArray(holidays)) {
    return { ok: false, field: 'holidays', message: 'must be an array of YYYY-MM-DD dates' };
  }
  const holidaySet = new Set<string>();
  for (const [i, date] of holidays.entries()) {
    if (typeof date !== 'string' || parseIsoDate(date) === undefined) {
      return {
        ok: false,
        field: `holidays[${i}]`,
        message: `must be a YYYY-MM-DD date, got ${show(date)}`,
      };
    }
    holidaySet.add(date);
  }
  if (!isRecord(dateHours)) {
    return { ok: false, field: 'dateHours', message: 'must be an object keyed by YYYY-MM-DD' };
  }
  const overrides: Record<string, Period[]> = {};
  for (const [date, periods] of Object.entries(dateHours)) {
    if (parseIsoDate(date) === undefined) {
      return { ok: false, field: `dateHours.${date}`, message: 'key must be a YYYY-MM-DD date' };
    }
    const parsed = parsePeriods(periods, `dateHours.${date}`);
    if (!parsed.ok) return parsed;
    overrides[date] = parsed.periods;
  }
  return {
    ok: true,
    calendar: {
      timeZone,
      weeklyHours: weekly,
      holidays: [...holidaySet].sort(),
      dateHours: overrides,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Compiled form

type Span = readonly [startMinute: number, endMinute: number];

type Compiled = {
  readonly zone: string;
  /** Index 0 = Monday. */
  readonly weekly: readonly (readonly Span[])[];
  readonly openWeekdays: number;
  /** Open milliseconds in a week with no holidays, date overrides or offset change. */
  readonly weekMs: number;
  readonly holidays: ReadonlySet<number>;
  readonly dateHours: ReadonlyMap<number, readonly Span[]>;
  /** Sorted day numbers of every holiday and date override: the days a week skip must not jump. */
  readonly special: readonly number[];
  /** Per local day: open intervals as flat [start, end, start, end, …] instants. */
  readonly dayCache: Map<number, readonly number[]>;
  readonly weekCache: Map<number, boolean>;
};

const compiledCalendars = new WeakMap<BusinessCalendar, Compiled>();
const DAY_CACHE_LIMIT = 50_000;

function toSpans(periods: readonly Period[]): Span[] {
  return periods.map(([s, e]) => [minutesOf(s), minutesOf(e)] as const);
}

function compile(calendar: BusinessCalendar): Compiled {
  const cached = compiledCalendars.get(calendar);
  if (cached) return cached;
  // Calendars built in code skip parseBusinessCalendar; validate once here so the arithmetic can
  // rely on sorted, disjoint periods. Only the calendar's own fields are checked: an object that
  // carries more (e.g. an id) is still a calendar here.
  const { timeZone, weeklyHours, holidays: closed, dateHours: hours } = calendar;
  const parsed = parseBusinessCalendar({
    timeZone,
    weeklyHours,
    holidays: closed,
    dateHours: hours,
  });
  if (!parsed.ok) {
    throw new RangeError(`invalid business calendar: ${parsed.field}: ${parsed.message}`);
  }
  const cal = parsed.calendar;
  const weekly = WEEKDAYS.map((d) => toSpans(cal.weeklyHours[d]));
  const holidays = new Set(cal.holidays.map((d) => parseIsoDate(d) ?? 0));
  const dateHours = new Map<number, Span[]>();
  for (const [date, periods] of Object.entries(cal.dateHours)) {
    dateHours.set(parseIsoDate(date) ?? 0, toSpans(periods));
  }
  const compiled: Compiled = {
    zone: cal.timeZone,
    weekly,
    openWeekdays: weekly.filter((spans) => spans.length > 0).length,
    weekMs: weekly.flat().reduce((sum, [s, e]) => sum + (e - s) * MS_PER_MINUTE, 0),
    holidays,
    dateHours,
    special: [...new Set([...holidays, ...dateHours.keys()])].sort((a, b) => a - b),
    dayCache: new Map(),
    weekCache: new Map(),
  };
  compiledCalendars.set(calendar, compiled);
  return compiled;
}

function spansOf(c: Compiled, day: number): readonly Span[] {
  const override = c.dateHours.get(day);
  if (override) return override;
  if (c.holidays.has(day)) return [];
  return c.weekly[weekdayIndex(day)] ?? [];
}

function isBusinessDay(c: Compiled, day: number): boolean {
  return spansOf(c, day).length > 0;
}

/** Open intervals of a local day as instants, [s0, e0, s1, e1, …], empty ones dropped. */
function intervalsOf(c: Compiled, day: number): readonly number[] {
  const cached = c.dayCache.get(day);
  if (cached) return cached;
  const spans = spansOf(c, day);
  const out: number[] = [];
  if (spans.length > 0) {
    const base = day * MS_PER_DAY;
    // Offsets a day either side bracket every instant of this local day; when they agree the
    // offset is constant all day and no boundary needs the slower gap/overlap resolution.
    const before = zoneOffsetMs(c.zone, base - MS_PER_DAY);
    const steady = before === zoneOffsetMs(c.zone, base + 2 * MS_PER_DAY);
    const resolve = (minute: number) =>
      steady
        ? base + minute * MS_PER_MINUTE - before
        : localToInstant(c.zone, base + minute * MS_PER_MINUTE, 'transition');
    for (const [s, e] of spans) {
      const a = resolve(s);
      const b = resolve(e);
      if (b > a) out.push(a, b);
    }
  }
  if (c.dayCache.size >= DAY_CACHE_LIMIT) c.dayCache.clear();
  c.dayCache.set(day, out);
  return out;
}

function hasSpecialDay(c: Compiled, from: number, toExclusive: number): boolean {
  let lo = 0;
  let hi = c.special.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((c.special[mid] ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < c.special.length && (c.special[lo] ?? 0) < toExclusive;
}

/**
 * True when the 7 local days from `first` hold exactly `weekMs` of open time: no holiday or date
 * override, and the same UTC offset throughout (checked either side and in the middle).
 */
function isPlainWeek(c: Compiled, first: number): boolean {
  const cached = c.weekCache.get(first);
  if (cached !== undefined) return cached;
  let plain = !hasSpecialDay(c, first, first + 7);
  if (plain) {
    const base = first * MS_PER_DAY;
    const offset = zoneOffsetMs(c.zone, base - MS_PER_DAY);
    plain =
      offset === zoneOffsetMs(c.zone, base + 3.5 * MS_PER_DAY) &&
      offset === zoneOffsetMs(c.zone, base + 8 * MS_PER_DAY);
  }
  if (c.weekCache.size >= DAY_CACHE_LIMIT) c.weekCache.clear();
  c.weekCache.set(first, plain);
  return plain;
}

/** Throws when walking forward from `day` can never meet open time again (no loop forever). */
function assertOpenAhead(c: Compiled, day: number): void {
  if (c.openWeekdays === 0 && !(c.special.length > 0 && day <= (c.special.at(-1) ?? 0))) {
    throw new RangeError('the business calendar has no open hours after this point');
  }
}

function assertOpenBehind(c: Compiled, day: number): void {
  if (c.openWeekdays === 0 && !(c.special.length > 0 && day >= (c.special[0] ?? 0))) {
    throw new RangeError('the business calendar has no open hours before this point');
  }
}

function instantOf(date: Date, name: string): number {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError(`${name} is an invalid Date`);
  return t;
}

function finite(value: number, name: string): number {
  if (!Number.isFinite(value))
    throw new RangeError(`${name} must be a finite number, got ${value}`);
  return value;
}

function integer(value: number, name: string): number {
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Business-time arithmetic

function forwardMs(c: Compiled, start: number, amount: number): number {
  let need = amount;
  let day = localDayOf(c.zone, start);
  const first = intervalsOf(c, day);
  for (let i = 0; i < first.length; i += 2) {
    const a = Math.max(first[i] ?? 0, start);
    const b = first[i + 1] ?? 0;
    if (b <= a) continue;
    if (need <= b - a) return a + need;
    need -= b - a;
  }
  for (day += 1; ; day += 1) {
    assertOpenAhead(c, day);
    // Strictly greater: when the target is the very end of the week, the day walk finds it.
    if (need > c.weekMs && isPlainWeek(c, day)) {
      need -= c.weekMs;
      day += 6;
      continue;
    }
    const iv = intervalsOf(c, day);
    for (let i = 0; i < iv.length; i += 2) {
      const a = iv[i] ?? 0;
      const len = (iv[i + 1] ?? 0) - a;
      if (need <= len) return a + need;
      need -= len;
    }
  }
}

function backwardMs(c: Compiled, start: number, amount: number): number {
  let need = amount;
  let day = localDayOf(c.zone, start);
  const first = intervalsOf(c, day);
  for (let i = first.length - 2; i >= 0; i -= 2) {
    const a = first[i] ?? 0;
    const b = Math.min(first[i + 1] ?? 0, start);
    if (b <= a) continue;
    if (need <= b - a) return b - need;
    need -= b - a;
  }
  for (day -= 1; ; day -= 1) {
    assertOpenBehind(c, day);
    if (need > c.weekMs && isPlainWeek(c, day - 6)) {
      need -= c.weekMs;
      day -= 6;
      continue;
    }
    const iv = intervalsOf(c, day);
    for (let i = iv.length - 2; i >= 0; i -= 2) {
      const b = iv[i + 1] ?? 0;
      const len = b - (iv[i] ?? 0);
      if (need <= len) return b - need;
      need -= len;
    }
  }
}

/**
 * Moves `seconds` of business time from `start`. Forwards, the result is the earliest instant by
 * which that much open time has elapsed (so it can be a period's end, e.g. 12:00 before lunch);
 * backwards (negative), the latest instant from which that much open time remains until `start`
 * (so it can be a period's start). Whole weeks without holidays, date overrides or DST changes are
 * skipped in one step.
 *
 * Zero moves to open time, as zendesk/biz (`Biz.time(0, :hours).after`) and the business_time gem
 * do: `start` itself when open, else the next opening (Saturday 10:00 + 0 → Monday 08:00). To move
 * zero backwards (to the previous close) use {@link subtractBusinessSeconds}.
 * @throws RangeError for an invalid Date, a non-finite amount, or a calendar with no open time left.
 */
export function addBusinessSeconds(start: Date, seconds: number, calendar: BusinessCalendar): Date {
  const t = instantOf(start, 'start');
  const ms = Math.round(finite(seconds, 'seconds') * 1000);
  const c = compile(calendar);
  if (ms === 0) return new Date(nextOpen(c, t).at);
  return new Date(ms > 0 ? forwardMs(c, t, ms) : backwardMs(c, t, -ms));
}

/**
 * Moves `seconds` of business time back from `start` (a negative amount moves forward, as
 * {@link addBusinessSeconds} does). Zero gives the previous close, as `Biz.time(0, :hours).before`
 * does: `start` itself when open, else the end of the latest open period before it (Saturday
 * 10:00 − 0 → Friday 17:00; 12:30 during lunch − 0 → 12:00).
 * @throws RangeError for an invalid Date, a non-finite amount, or a calendar with no open time left.
 */
export function subtractBusinessSeconds(
  start: Date,
  seconds: number,
  calendar: BusinessCalendar,
): Date {
  const t = instantOf(start, 'start');
  const ms = Math.round(finite(seconds, 'seconds') * 1000);
  const c = compile(calendar);
  if (ms === 0) return new Date(previousOpenEdge(c, t).at);
  return new Date(ms > 0 ? backwardMs(c, t, ms) : forwardMs(c, t, -ms));
}

/** {@link addBusinessSeconds} in minutes (fractions allowed; resolution is one millisecond). */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  return addBusinessSeconds(start, finite(minutes, 'minutes') * 60, calendar);
}

/** {@link subtractBusinessSeconds} in minutes. */
export function subtractBusinessMinutes(
  start: Date,
  minutes: number,
  calendar: BusinessCalendar,
): Date {
  return subtractBusinessSeconds(start, finite(minutes, 'minutes') * 60, calendar);
}

/** Open milliseconds in [from, to), from ≤ to. */
function openMsBetween(c: Compiled, from: number, to: number): number {
  if (to <= from) return 0;
  const firstDay = localDayOf(c.zone, from);
  const lastDay = localDayOf(c.zone, to);
  let total = 0;
  for (let day = firstDay; day <= lastDay; day += 1) {
    if (day > firstDay && day + 7 <= lastDay && isPlainWeek(c, day)) {
      total += c.weekMs;
      day += 6;
      continue;
    }
    const iv = intervalsOf(c, day);
    for (let i = 0; i < iv.length; i += 2) {
      const a = Math.max(iv[i] ?? 0, from);
      const b = Math.min(iv[i + 1] ?? 0, to);
      if (b > a) total += b - a;
    }
  }
  return total;
}

/**
 * Business seconds between two instants, minus the time covered by `pauses` (pauses may overlap
 * each other and extend outside [from, to); each moment counts at most once). When `to` is before
 * `from` the result is the negated business time from `to` to `from`. Fractions of a second are kept
 * (millisecond resolution).
 * @throws RangeError for invalid Dates or a pause whose `to` is before its `from`.
 */
export function businessSecondsBetween(
  from: Date,
  to: Date,
  calendar: BusinessCalendar,
  pauses: readonly Pause[] = [],
): number {
  const a = instantOf(from, 'from');
  const b = instantOf(to, 'to');
  if (b < a) return -businessSecondsBetween(to, from, calendar, pauses);
  const c = compile(calendar);
  let total = openMsBetween(c, a, b);
  const clipped: [number, number][] = [];
  for (const [i, pause] of pauses.entries()) {
    const pFrom = instantOf(pause.from, `pauses[${i}].from`);
    const pTo = instantOf(pause.to, `pauses[${i}].to`);
    if (pTo < pFrom) throw new RangeError(`pauses[${i}] ends before it starts`);
    const s = Math.max(pFrom, a);
    const e = Math.min(pTo, b);
    if (e > s) clipped.push([s, e]);
  }
  // Merge overlapping pauses first so a moment covered by two pauses is subtracted once.
  clipped.sort((x, y) => x[0] - y[0]);
  let run: [number, number] | undefined;
  for (const [s, e] of clipped) {
    if (run && s <= run[1]) {
      run[1] = Math.max(run[1], e);
      continue;
    }
    if (run) total -= openMsBetween(c, run[0], run[1]);
    run = [s, e];
  }
  if (run) total -= openMsBetween(c, run[0], run[1]);
  return total / 1000;
}

/** True when the calendar is open at the instant (periods are half-open: 12:00 is lunch). */
export function isOpenAt(at: Date, calendar: BusinessCalendar): boolean {
  const t = instantOf(at, 'at');
  const c = compile(calendar);
  const iv = intervalsOf(c, localDayOf(c.zone, t));
  for (let i = 0; i < iv.length; i += 2) {
    if (t >= (iv[i] ?? 0) && t < (iv[i + 1] ?? 0)) return true;
  }
  return false;
}

function nextOpen(c: Compiled, t: number): { at: number; day: number } {
  for (let day = localDayOf(c.zone, t); ; day += 1) {
    assertOpenAhead(c, day);
    const iv = intervalsOf(c, day);
    for (let i = 0; i < iv.length; i += 2) {
      if ((iv[i + 1] ?? 0) > t) return { at: Math.max(iv[i] ?? 0, t), day };
    }
  }
}

/** The latest instant at or before `t` that lies in a closed-ended open period [start, end]. */
function previousOpenEdge(c: Compiled, t: number): { at: number; day: number } {
  for (let day = localDayOf(c.zone, t); ; day -= 1) {
    assertOpenBehind(c, day);
    const iv = intervalsOf(c, day);
    for (let i = iv.length - 2; i >= 0; i -= 2) {
      if ((iv[i] ?? 0) <= t) return { at: Math.min(iv[i + 1] ?? 0, t), day };
    }
  }
}

/**
 * The first open instant at or after `at` (`at` itself when open). Clocks that "start on the next
 * business moment" use this.
 */
export function nextOpenInstant(at: Date, calendar: BusinessCalendar): Date {
  const c = compile(calendar);
  return new Date(nextOpen(c, instantOf(at, 'at')).at);
}

/** The n-th business day after (n > 0) or before (n < 0) local day `day`; `day` itself for 0. */
function shiftBusinessDays(c: Compiled, day: number, n: number): number {
  let d = day;
  let left = Math.abs(n);
  const step = n > 0 ? 1 : -1;
  while (left > 0) {
    if (step > 0) assertOpenAhead(c, d + 1);
    else assertOpenBehind(c, d - 1);
    const weekFirst = step > 0 ? d + 1 : d - 7;
    if (left > c.openWeekdays && !hasSpecialDay(c, weekFirst, weekFirst + 7)) {
      left -= c.openWeekdays;
      d += 7 * step;
      continue;
    }
    d += step;
    if (isBusinessDay(c, d)) left -= 1;
  }
  return d;
}

/**
 * Moves `n` business days keeping the local time of day, even when `start` lies outside open hours.
 *
 * What that means, precisely:
 * 1. The day: the n-th business day after (n > 0) or before (n < 0) the local date of `start`. That
 *    date itself never counts, whether or not it is a business day, so Friday 20:00 + 1 and
 *    Saturday 10:00 + 1 both land on Monday, and Saturday 10:00 − 1 on Friday.
 * 2. The time: the wall-clock time of `start` (20:00, 10:00), put on that day as it is, not first
 *    moved to an opening (a time skipped by DST moves forward by the gap).
 * 3. Clamped into that day's opening span [first open, last close]: Friday 20:00 + 1 → Monday 17:00,
 *    Monday 06:00 + 1 → Tuesday 08:00. A time inside a break stays (12:30 at lunch: no open time
 *    lies between it and 12:00 or 13:00, so it is the same business instant).
 *
 * This follows zendesk/biz (`Biz.time(n, :days)`: move the date over business dates, keep the time
 * of day) and the business_time gem (`n.business_days.after`, which likewise steps whole days and
 * keeps the time). Both then answer a time after close with the next opening (Friday 20:00 + 1 →
 * Tuesday 08:00); the close of the counted day is the same business instant, no open time lies
 * between them, and keeps the due on the day the count names, never past it (a deadline "by the
 * n-th working day" holds). Neither anchors a start outside hours to the next opening first, which
 * would push Saturday 10:00 + 1 to Tuesday.
 *
 * n = 0 moves to open time like adding zero business time: `start` when open, else the next
 * opening (see {@link subtractBusinessDays} for the previous close).
 * @throws RangeError for a non-integer n or an invalid Date.
 */
export function addBusinessDays(start: Date, n: number, calendar: BusinessCalendar): Date {
  integer(n, 'n');
  const c = compile(calendar);
  const t = instantOf(start, 'start');
  if (n === 0) return new Date(nextOpen(c, t).at);
  const day = localDayOf(c.zone, t);
  const timeOfDay = instantToLocal(c.zone, t) - day * MS_PER_DAY;
  const target = shiftBusinessDays(c, day, n);
  const wanted = localToInstant(c.zone, target * MS_PER_DAY + timeOfDay, 'shift');
  const iv = intervalsOf(c, target);
  if (iv.length === 0) return new Date(wanted);
  return new Date(Math.min(Math.max(wanted, iv[0] ?? 0), iv.at(-1) ?? 0));
}

/**
 * {@link addBusinessDays} backwards: `n` business days before `start` at its time of day. n = 0
 * gives the previous close, like subtracting zero business time ({@link subtractBusinessSeconds}).
 * @throws RangeError for a non-integer n or an invalid Date.
 */
export function subtractBusinessDays(start: Date, n: number, calendar: BusinessCalendar): Date {
  integer(n, 'n');
  if (n !== 0) return addBusinessDays(start, -n, calendar);
  return new Date(previousOpenEdge(compile(calendar), instantOf(start, 'start')).at);
}

/**
 * The end (24:00 local, the first instant of the next date) of the n-th business day after the
 * local date of `at`: the reading of a period counted in working days where the day of the event is
 * not counted and the period ends at the end of its last day (Vietnam's Civil Code 2015, Art.
 * 147(2) and 148). n = 0 → the end of that date when it is a business day, else of the next one.
 * Unlike {@link closeOfBusiness}, the hours of the day do not matter, only that it is a business day.
 * @throws RangeError for a non-integer n or an invalid Date.
 */
export function endOfBusinessDay(at: Date, n: number, calendar: BusinessCalendar): Date {
  integer(n, 'n');
  const c = compile(calendar);
  const day = localDayOf(c.zone, instantOf(at, 'at'));
  const target =
    n === 0 && !isBusinessDay(c, day) ? shiftBusinessDays(c, day, 1) : shiftBusinessDays(c, day, n);
  return new Date(localToInstant(c.zone, (target + 1) * MS_PER_DAY, 'shift'));
}

/**
 * Close of business (end of the last open period) on a business day counted from the local date of
 * `at`, whatever the time of day: n = 0 → that date if it is a business day, else the next business
 * day (so at 18:00 on a business day n = 0 gives 17:00 of the same day, already past); n > 0 → the
 * n-th business day after that date ("end of the 3rd business day after receipt" is n = 3);
 * n < 0 → the |n|-th business day before it.
 * @throws RangeError for a non-integer n or an invalid Date.
 */
export function closeOfBusiness(at: Date, n: number, calendar: BusinessCalendar): Date {
  integer(n, 'n');
  const c = compile(calendar);
  const day = localDayOf(c.zone, instantOf(at, 'at'));
  const target =
    n === 0 && !isBusinessDay(c, day) ? shiftBusinessDays(c, day, 1) : shiftBusinessDays(c, day, n);
  const iv = intervalsOf(c, target);
  const last = iv.at(-1);
  if (last !== undefined) return new Date(last);
  // Every period of the day lies in a DST gap: fall back to the configured end's resolution.
  const endMinute = spansOf(c, target).at(-1)?.[1] ?? 0;
  return new Date(
    localToInstant(c.zone, target * MS_PER_DAY + endMinute * MS_PER_MINUTE, 'transition'),
  );
}

// ---------------------------------------------------------------------------------------------
// Calendar-time arithmetic (open hours do not matter, only the time zone)

/** Adds elapsed minutes (time zones and DST do not matter for elapsed time). */
export function addCalendarMinutes(start: Date, minutes: number): Date {
  return new Date(
    instantOf(start, 'start') + Math.round(finite(minutes, 'minutes') * MS_PER_MINUTE),
  );
}

/**
 * Adds local calendar days in the calendar's zone keeping the wall-clock time, so across a DST
 * change one day can be 23 or 25 real hours. A time skipped by the change moves forward by the gap
 * (02:30 → 03:30); a repeated time takes its first occurrence. n = 0 returns `start` unchanged.
 */
export function addCalendarDays(
  start: Date,
  days: number,
  calendar: Pick<BusinessCalendar, 'timeZone'>,
): Date {
  const t = instantOf(start, 'start');
  integer(days, 'days');
  if (days === 0) return new Date(t);
  const local = instantToLocal(calendar.timeZone, t) + days * MS_PER_DAY;
  return new Date(localToInstant(calendar.timeZone, local, 'shift'));
}

/** {@link addCalendarDays} by 7-day weeks. */
export function addCalendarWeeks(
  start: Date,
  weeks: number,
  calendar: Pick<BusinessCalendar, 'timeZone'>,
): Date {
  return addCalendarDays(start, integer(weeks, 'weeks') * 7, calendar);
}
