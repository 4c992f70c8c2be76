/**
 * The Vietnamese lunisolar calendar (âm lịch), computed with Hồ Ngọc Đức's astronomical algorithm:
 * months start on the local day of the new moon, month 11 is the month containing the winter
 * solstice, and in a year with 13 months between two months 11 the first month without a major
 * solar term (trung khí) is the leap month.
 *
 * Vietnam computes this for UTC+7 while China uses UTC+8, so the two calendars disagree when a new
 * moon or solar term falls between 16:00 and 17:00 UTC (e.g. Tết 1985 and 2007 differ).
 *
 * Valid for solar years 1900–2199 (the series used lose accuracy far outside that range).
 */
import { dayNumber, formatDayNumber, parseIsoDate, yearOfDayNumber } from './civil-date.ts';

/** A date in the lunar calendar. `leap` marks the intercalary month (tháng nhuận). */
export type LunarDate = { year: number; month: number; day: number; leap: boolean };

/** Options for tests and comparisons: the calendar's UTC offset in hours (Vietnam: 7, China: 8). */
export type LunarOptions = { utcOffsetHours?: number };

const VIETNAM_UTC_OFFSET_HOURS = 7;
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
/** Julian day number of 1970-01-01 (day number 0). */
const JD_OF_DAY_ZERO = 2440588;
const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_EPOCH_JD = 2415021.076998695; // new moon of 1900-01-01

type LunarMonth = { year: number; month: number; leap: boolean; startJd: number; length: number };

/** Julian day (fractional) of the k-th new moon after 1900-01-01 (Meeus, abridged). */
function newMoonJd(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Sun's apparent longitude in radians, [0, 2π), at a Julian day. */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  const L = (L0 + DL) * dr;
  return L - Math.PI * 2 * Math.floor(L / (Math.PI * 2));
}

/** Which 30° sector (0–11) the sun is in at local midnight starting a day; 9 = winter solstice. */
function sunSector(dayJd: number, tz: number): number {
  return Math.floor((sunLongitude(dayJd - 0.5 - tz / 24) / Math.PI) * 6);
}

/** Local day (Julian day number) of the k-th new moon. */
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + tz / 24);
}

/** Start (JDN) of lunar month 11 of a year: the month containing the winter solstice. */
function month11Start(year: number, tz: number): number {
  const off = dayNumber(year, 12, 31) + JD_OF_DAY_ZERO - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, tz);
  return sunSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

const suiCache = new Map<string, readonly LunarMonth[]>();

/**
 * The months from month 11 of lunar year `year` up to (not including) the next month 11. A span
 * with 13 months has a leap month: the first one in which the sun enters no new sector.
 */
function monthsFromMonth11(year: number, tz: number): readonly LunarMonth[] {
  const key = `${tz}:${year}`;
  const cached = suiCache.get(key);
  if (cached) return cached;
  const a11 = month11Start(year, tz);
  const b11 = month11Start(year + 1, tz);
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH_JD) / SYNODIC_MONTH);
  const count = b11 - a11 > 365 ? 13 : 12;
  const starts: number[] = [];
  for (let i = 0; i < count; i++) starts.push(i === 0 ? a11 : newMoonDay(k + i, tz));
  starts.push(b11);
  let leapIndex = -1;
  if (count === 13) {
    for (let i = 1; i < 13; i++) {
      if (sunSector(starts[i] ?? 0, tz) === sunSector(starts[i + 1] ?? 0, tz)) {
        leapIndex = i;
        break;
      }
    }
  }
  const months: LunarMonth[] = [];
  let month = 10;
  let lunarYear = year;
  for (let i = 0; i < count; i++) {
    const isLeap = i === leapIndex;
    if (!isLeap) month = month === 12 ? 1 : month + 1;
    if (month === 1 && !isLeap) lunarYear = year + 1;
    const startJd = starts[i] ?? 0;
    months.push({
      year: lunarYear,
      month,
      leap: isLeap,
      startJd,
      length: (starts[i + 1] ?? 0) - startJd,
    });
  }
  suiCache.set(key, months);
  return months;
}

function offsetOf(options: LunarOptions | undefined): number {
  return options?.utcOffsetHours ?? VIETNAM_UTC_OFFSET_HOURS;
}

/**
 * Converts a solar date (`YYYY-MM-DD`, 1900–2199) to the Vietnamese lunar date.
 * @throws RangeError for a malformed or out-of-range date.
 */
export function solarToLunar(date: string, options?: LunarOptions): LunarDate {
  const day = parseIsoDate(date);
  if (day === undefined) throw new RangeError(`not a valid date: "${date}"`);
  const solarYear = yearOfDayNumber(day);
  if (solarYear < MIN_YEAR || solarYear > MAX_YEAR) {
    throw new RangeError(`lunar calendar supports ${MIN_YEAR}–${MAX_YEAR}, got ${date}`);
  }
  const tz = offsetOf(options);
  const jd = day + JD_OF_DAY_ZERO;
  const spanYear = jd >= month11Start(solarYear, tz) ? solarYear : solarYear - 1;
  for (const m of monthsFromMonth11(spanYear, tz)) {
    if (jd >= m.startJd && jd < m.startJd + m.length) {
      return { year: m.year, month: m.month, day: jd - m.startJd + 1, leap: m.leap };
    }
  }
  throw new RangeError(`no lunar month contains ${date}`);
}

function findLunarMonth(year: number, month: number, leap: boolean, tz: number) {
  // Months 1–10 of lunar year Y lie in the span starting at month 11 of Y−1; months 11–12 (and a
  // leap 11 or 12) in the span starting at month 11 of Y.
  for (const span of [year - 1, year]) {
    for (const m of monthsFromMonth11(span, tz)) {
      if (m.year === year && m.month === month && m.leap === leap) return m;
    }
  }
  return undefined;
}

/** The leap month of a lunar year (1–12), or undefined when the year has none. */
export function leapMonthOf(year: number, options?: LunarOptions): number | undefined {
  const tz = offsetOf(options);
  for (const span of [year - 1, year]) {
    for (const m of monthsFromMonth11(span, tz)) if (m.year === year && m.leap) return m.month;
  }
  return undefined;
}

/** Number of days (29 or 30) in a lunar month, or undefined when that month does not exist. */
export function lunarMonthLength(
  year: number,
  month: number,
  leap = false,
  options?: LunarOptions,
): number | undefined {
  return findLunarMonth(year, month, leap, offsetOf(options))?.length;
}

/**
 * Converts a Vietnamese lunar date to the solar date `YYYY-MM-DD`.
 * @throws RangeError when the lunar date does not exist (a leap month the year lacks, day 30 of a
 * 29-day month) or lies outside 1900–2199.
 */
export function lunarToSolar(lunar: LunarDate, options?: LunarOptions): string {
  const { year, month, day, leap } = lunar;
  if (!Number.isInteger(year) || year < MIN_YEAR - 1 || year > MAX_YEAR) {
    throw new RangeError(
      `lunar year must be an integer in ${MIN_YEAR - 1}–${MAX_YEAR}, got ${year}`,
    );
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`lunar month must be an integer in 1–12, got ${month}`);
  }
  if (!Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`lunar day must be an integer in 1–30, got ${day}`);
  }
  const tz = offsetOf(options);
  const m = findLunarMonth(year, month, leap, tz);
  if (!m) {
    const actual = leapMonthOf(year, options);
    const has = actual === undefined ? 'has no leap month' : `has leap month ${actual}`;
    throw new RangeError(`lunar year ${year} has no leap month ${month} (it ${has})`);
  }
  if (day > m.length) {
    const label = `${leap ? 'leap ' : ''}month ${month}`;
    throw new RangeError(`lunar ${label} of ${year} has ${m.length} days, not ${day}`);
  }
  return formatDayNumber(m.startJd + day - 1 - JD_OF_DAY_ZERO);
}
