/**
 * Vietnamese public holidays (Labour Code 2019, Art. 112) and the compensatory days of
 * Art. 111(3), generated per solar year, with the admin overrides the government's yearly
 * announcements need (extra days, removed days, swapped working days).
 */
import type { BusinessCalendar, Period, WeeklyHours } from './business-calendar.ts';
import { parsePeriods } from './business-calendar.ts';
import {
  WEEKDAYS,
  dayNumber,
  formatDayNumber,
  parseIsoDate,
  weekdayOf,
  type Weekday,
} from './civil-date.ts';
import { lunarToSolar } from './lunar-calendar.ts';

export const holidayKinds = ['statutory', 'compensatory', 'override'] as const;
export type HolidayKind = (typeof holidayKinds)[number];
export type Holiday = { date: string; name: string; kind: HolidayKind };

/** `dayOff` becomes a holiday; `workday` opens with `hours` (default: see applyHolidaysToCalendar). */
export type HolidaySwap = { dayOff: string; workday: string; hours?: readonly Period[] };

/** An admin's corrections to one year's generated schedule. */
export type HolidayOverrides = {
  year: number;
  add?: readonly { date: string; name: string }[];
  /** Generated days (statutory or compensatory) to drop; a dropped holiday earns no compensation. */
  remove?: readonly string[];
  swaps?: readonly HolidaySwap[];
};

export type VnHolidayOptions = {
  /** The calendar's weekly hours: a weekday without periods is a weekly day off (Art. 111). */
  weeklyHours: WeeklyHours;
  /** Overrides for any years; only those whose `year` matches are applied. */
  overrides?: readonly HolidayOverrides[];
  /** Which day beside 2 September is the second National Day holiday. Default 'before' (1 Sep). */
  sep2Adjacent?: 'before' | 'after';
};

const TET_NAMES = [
  'Tết Âm lịch (ngày cuối năm)',
  'Tết Âm lịch (mùng 1)',
  'Tết Âm lịch (mùng 2)',
  'Tết Âm lịch (mùng 3)',
  'Tết Âm lịch (mùng 4)',
];

/** The Art. 112 days of a solar year, before compensation and overrides. */
function statutoryDays(year: number, sep2Adjacent: 'before' | 'after'): Holiday[] {
  const statutory = (day: number, name: string): Holiday => ({
    date: formatDayNumber(day),
    name,
    kind: 'statutory',
  });
  const lunarNewYear = parseIsoDate(lunarToSolar({ year, month: 1, day: 1, leap: false })) ?? 0;
  const hungKings = parseIsoDate(lunarToSolar({ year, month: 3, day: 10, leap: false })) ?? 0;
  // Art. 112(1)(b) grants 5 days of Tết; the default layout is the last day of the lunar year and
  // the first four of the new one. The Prime Minister fixes the actual days each year (overrides).
  const tet = TET_NAMES.map((name, i) => statutory(lunarNewYear - 1 + i, name));
  const sep2 = dayNumber(year, 9, 2);
  return [
    statutory(dayNumber(year, 1, 1), 'Tết Dương lịch'),
    ...tet,
    statutory(hungKings, 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    statutory(dayNumber(year, 4, 30), 'Ngày Chiến thắng (30/4)'),
    statutory(dayNumber(year, 5, 1), 'Ngày Quốc tế Lao động (1/5)'),
    statutory(sep2, 'Quốc khánh (2/9)'),
    statutory(sep2Adjacent === 'before' ? sep2 - 1 : sep2 + 1, 'Quốc khánh (ngày liền kề)'),
  ].sort(byDate);
}

function byDate(a: { date: string }, b: { date: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/**
 * The holidays of a solar year in Vietnam, sorted by date, one entry per date:
 * - 'statutory': Art. 112 — 1 Jan; 5 days of Tết (last day of the lunar year + lunar 1/1–1/4);
 *   Hùng Kings' day (lunar 10/3); 30 Apr; 1 May; 2 Sep and the adjacent day.
 * - 'compensatory': Art. 111(3) — a statutory day falling on a weekly day off (a weekday without
 *   hours in `weeklyHours`, not a fixed Saturday/Sunday) moves to the next weekday with hours that
 *   is not already a holiday, compensatory days taken in date order.
 * - 'override': days added by the admin, and the days off of swaps.
 * The overrides' `remove` drops generated days; a removed statutory day earns no compensation.
 * @throws RangeError for a year outside 1900–2199.
 */
export function generateVnHolidays(year: number, options: VnHolidayOptions): Holiday[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) {
    throw new RangeError(`year must be an integer in 1900–2199, got ${year}`);
  }
  const overrides = (options.overrides ?? []).filter((o) => o.year === year);
  const removed = new Set(overrides.flatMap((o) => o.remove ?? []));
  const byDay = new Map<string, Holiday>();
  const statutory = statutoryDays(year, options.sep2Adjacent ?? 'before').filter(
    (h) => !removed.has(h.date),
  );
  for (const h of statutory) byDay.set(h.date, h);
  for (const o of overrides) {
    for (const a of o.add ?? []) {
      if (!byDay.has(a.date)) byDay.set(a.date, { date: a.date, name: a.name, kind: 'override' });
    }
    for (const s of o.swaps ?? []) {
      if (!byDay.has(s.dayOff)) {
        byDay.set(s.dayOff, {
          date: s.dayOff,
          name: `Nghỉ hoán đổi (làm bù ngày ${s.workday})`,
          kind: 'override',
        });
      }
    }
  }
  const isWorkingWeekday = (day: number) => options.weeklyHours[weekdayOf(day)].length > 0;
  if (WEEKDAYS.some((d) => options.weeklyHours[d].length > 0)) {
    for (const h of statutory) {
      const day = parseIsoDate(h.date) ?? 0;
      if (isWorkingWeekday(day)) continue;
      let next = day + 1;
      while (!isWorkingWeekday(next) || byDay.has(formatDayNumber(next))) next += 1;
      const date = formatDayNumber(next);
      if (!removed.has(date)) {
        byDay.set(date, { date, name: `Nghỉ bù ${h.name}`, kind: 'compensatory' });
      }
    }
  }
  return [...byDay.values()].sort(byDate);
}

/**
 * Default hours for a swap's workday: the hours the day off would have had (the day is traded),
 * or, when that weekday is itself closed, the first weekday from Monday that has hours.
 */
function swapHours(weeklyHours: WeeklyHours, swap: HolidaySwap): readonly Period[] {
  if (swap.hours) return swap.hours;
  const dayOff = parseIsoDate(swap.dayOff);
  const own = dayOff === undefined ? [] : weeklyHours[weekdayOf(dayOff)];
  if (own.length > 0) return own;
  const first = WEEKDAYS.find((d: Weekday) => weeklyHours[d].length > 0);
  return first ? weeklyHours[first] : [];
}

/**
 * A new calendar with the holidays merged into `holidays` and each swap applied: the day off loses
 * any date override (so the holiday closes it) and the workday opens through `dateHours`.
 */
export function applyHolidaysToCalendar(
  calendar: BusinessCalendar,
  holidays: readonly { date: string }[],
  swaps: readonly HolidaySwap[] = [],
): BusinessCalendar {
  const dateHours: Record<string, readonly Period[]> = { ...calendar.dateHours };
  for (const swap of swaps) {
    delete dateHours[swap.dayOff];
    dateHours[swap.workday] = swapHours(calendar.weeklyHours, swap);
  }
  const closed = new Set([...calendar.holidays, ...holidays.map((h) => h.date)]);
  for (const swap of swaps) closed.add(swap.dayOff);
  return { ...calendar, holidays: [...closed].sort(), dateHours };
}

export type OverridesParseResult =
  { ok: true; overrides: HolidayOverrides[] } | { ok: false; field: string; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates untrusted JSON (an array of overrides), naming the bad field under `field`. */
export function parseHolidayOverrides(
  json: unknown,
  field = 'holidayOverrides',
): OverridesParseResult {
  const fail = (at: string, message: string) => ({ ok: false as const, field: at, message });
  const date = (value: unknown, at: string) =>
    typeof value === 'string' && parseIsoDate(value) !== undefined
      ? undefined
      : fail(at, `must be a YYYY-MM-DD date, got ${JSON.stringify(value) ?? 'nothing'}`);
  if (!Array.isArray(json)) return fail(field, 'must be an array of { year, add, remove, swaps }');
  const overrides: HolidayOverrides[] = [];
  for (const [i, item] of json.entries()) {
    const at = `${field}[${i}]`;
    if (!isRecord(item)) return fail(at, 'must be an object');
    const { year, add = [], remove = [], swaps = [] } = item;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2199) {
      return fail(`${at}.year`, 'must be an integer year in 1900–2199');
    }
    if (!Array.isArray(add)) return fail(`${at}.add`, 'must be an array of { date, name }');
    const adds: { date: string; name: string }[] = [];
    for (const [j, a] of add.entries()) {
      if (!isRecord(a)) return fail(`${at}.add[${j}]`, 'must be an object { date, name }');
      const bad = date(a.date, `${at}.add[${j}].date`);
      if (bad) return bad;
      if (typeof a.name !== 'string' || a.name.trim() === '') {
        return fail(`${at}.add[${j}].name`, 'must be a non-empty string');
      }
      adds.push({ date: a.date as string, name: a.name });
    }
    if (!Array.isArray(remove)) return fail(`${at}.remove`, 'must be an array of dates');
    for (const [j, r] of remove.entries()) {
      const bad = date(r, `${at}.remove[${j}]`);
      if (bad) return bad;
    }
    if (!Array.isArray(swaps))
      return fail(`${at}.swaps`, 'must be an array of { dayOff, workday }');
    const parsedSwaps: HolidaySwap[] = [];
    for (const [j, s] of swaps.entries()) {
      const sat = `${at}.swaps[${j}]`;
      if (!isRecord(s)) return fail(sat, 'must be an object { dayOff, workday, hours? }');
      const bad = date(s.dayOff, `${sat}.dayOff`) ?? date(s.workday, `${sat}.workday`);
      if (bad) return bad;
      const swap: HolidaySwap = { dayOff: s.dayOff as string, workday: s.workday as string };
      if (s.hours !== undefined) {
        const hours = parsePeriods(s.hours, `${sat}.hours`);
        if (!hours.ok) return hours;
        swap.hours = hours.periods;
      }
      parsedSwaps.push(swap);
    }
    overrides.push({ year, add: adds, remove: remove as string[], swaps: parsedSwaps });
  }
  return { ok: true, overrides };
}
