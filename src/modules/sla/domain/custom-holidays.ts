/**
 * Holidays beyond the statutory ones: an org's own days on solar or lunar dates, and imports from
 * iCalendar (RFC 5545) files such as the holiday feeds calendar apps publish.
 */
import {
  daysInMonth,
  dayNumber,
  formatDayNumber,
  parseIsoDate,
  weekdayIndex,
} from './civil-date.ts';
import { lunarMonthLength, lunarToSolar } from './lunar-calendar.ts';

export type NamedDate = { date: string; name: string };

/**
 * An org-defined holiday. Recurring every year unless `year` is set (then it happens once, in that
 * solar or lunar year according to `calendar`).
 */
/** A custom holiday recurs on a solar (Gregorian) or a Vietnamese lunar date. */
export const holidayCalendars = ['solar', 'lunar'] as const;

export type CustomHolidayDef = {
  name: string;
  calendar: (typeof holidayCalendars)[number];
  month: number;
  day: number;
  /** Lunar only: the intercalary month (tháng nhuận). */
  leap?: boolean;
  year?: number;
};

function lunarOccurrence(def: CustomHolidayDef, lunarYear: number): string | undefined {
  const leap = def.leap ?? false;
  const length = lunarMonthLength(lunarYear, def.month, leap);
  if (length === undefined) return undefined;
  // A yearly "day 30" in a 29-day month is kept on the month's last day, as observances of the
  // last day of a month (e.g. 30 tháng Chạp) are.
  const day = def.year === undefined ? Math.min(def.day, length) : def.day;
  return lunarToSolar({ year: lunarYear, month: def.month, day, leap });
}

function checkDef(def: CustomHolidayDef, index: number): void {
  const where = `custom holiday ${index} (${def.name})`;
  if (!Number.isInteger(def.month) || def.month < 1 || def.month > 12) {
    throw new RangeError(`${where}: month must be 1–12, got ${def.month}`);
  }
  const maxDay = def.calendar === 'lunar' ? 30 : 31;
  if (!Number.isInteger(def.day) || def.day < 1 || def.day > maxDay) {
    throw new RangeError(`${where}: day must be 1–${maxDay}, got ${def.day}`);
  }
}

/**
 * The solar dates in `year` of custom holidays, sorted. A yearly 29 February appears only in leap
 * years; a yearly lunar leap-month date only in years with that leap month; a yearly lunar day 30
 * falls on day 29 when the month is short. A one-off date that does not exist throws RangeError.
 */
export function expandCustomHolidays(defs: readonly CustomHolidayDef[], year: number): NamedDate[] {
  const out: NamedDate[] = [];
  for (const [i, def] of defs.entries()) {
    checkDef(def, i);
    if (def.calendar === 'solar') {
      if (def.year !== undefined && def.year !== year) continue;
      if (def.day > daysInMonth(year, def.month)) {
        if (def.year !== undefined) {
          throw new RangeError(
            `custom holiday ${i} (${def.name}): ${year}-${def.month}-${def.day} does not exist`,
          );
        }
        continue;
      }
      out.push({ date: formatDayNumber(dayNumber(year, def.month, def.day)), name: def.name });
      continue;
    }
    // Lunar months 11 and 12 of lunar year Y−1 can fall in January/February of solar year Y.
    const lunarYears = def.year === undefined ? [year - 1, year] : [def.year];
    for (const lunarYear of lunarYears) {
      const date = lunarOccurrence(def, lunarYear);
      if (date === undefined && def.year !== undefined) {
        throw new RangeError(
          `custom holiday ${i} (${def.name}): lunar ${lunarYear} has no leap month ${def.month}`,
        );
      }
      if (date?.startsWith(`${year}-`)) out.push({ date, name: def.name });
    }
  }
  return out.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : 1,
  );
}

// ---------------------------------------------------------------------------------------------
// iCalendar import

/** A malformed or unsupported iCalendar file; `line` is the 1-based physical line. */
export class IcsParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'IcsParseError';
  }
}

export type IcsYearRange = { fromYear: number; toYear: number };

type ContentLine = { name: string; params: Map<string, string>; value: string; line: number };

/** Unfolds lines (CRLF or LF followed by a space or tab continues the previous line). */
function contentLines(text: string): ContentLine[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const logical: { text: string; line: number }[] = [];
  for (const [i, raw] of physical.entries()) {
    if (raw.startsWith(' ') || raw.startsWith('\t')) {
      const last = logical.at(-1);
      if (!last) throw new IcsParseError('continuation line with nothing to continue', i + 1);
      last.text += raw.slice(1);
    } else if (raw.trim() !== '') {
      logical.push({ text: raw, line: i + 1 });
    }
  }
  return logical.map(({ text: l, line }) => parseContentLine(l, line));
}

function parseContentLine(text: string, line: number): ContentLine {
  // name *(";" param) ":" value — parameter values may be quoted and contain ':' or ';'.
  let i = 0;
  let inQuotes = false;
  const pieces: string[] = [];
  let current = '';
  for (; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '"') inQuotes = !inQuotes;
    if (!inQuotes && (ch === ';' || ch === ':')) {
      pieces.push(current);
      current = '';
      if (ch === ':') break;
      continue;
    }
    current += ch;
  }
  if (i >= text.length)
    throw new IcsParseError(`expected "NAME:value", got "${text.slice(0, 60)}"`, line);
  const [name = '', ...rawParams] = pieces;
  if (!/^[A-Za-z0-9-]+$/.test(name)) throw new IcsParseError(`bad property name "${name}"`, line);
  const params = new Map<string, string>();
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new IcsParseError(`bad parameter "${p}" on ${name}`, line);
    params.set(p.slice(0, eq).toUpperCase(), p.slice(eq + 1).replace(/^"(.*)"$/, '$1'));
  }
  return { name: name.toUpperCase(), params, value: text.slice(i + 1), line };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}

/** Day number of an iCalendar DATE or DATE-TIME; `endOfRange` makes a non-midnight time inclusive. */
function icsDay(prop: ContentLine, endOfRange = false): number {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(prop.value);
  const day = m ? parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`) : undefined;
  if (!m || day === undefined) {
    throw new IcsParseError(
      `${prop.name} must be YYYYMMDD or YYYYMMDDTHHMMSS, got "${prop.value}"`,
      prop.line,
    );
  }
  // DATE-TIME values keep their written date (holiday feeds use floating or midnight times).
  const isMidnight = m[4] === undefined || `${m[4]}${m[5]}${m[6]}` === '000000';
  return endOfRange && !isMidnight ? day + 1 : day;
}

type YearlyRule = {
  interval: number;
  count?: number;
  untilDay?: number;
  month?: number;
  monthDay?: number;
  byDay?: { ordinal: number; weekday: number };
};

const RRULE_WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

function parseRule(prop: ContentLine): YearlyRule {
  const parts = new Map<string, string>();
  for (const part of prop.value.split(';')) {
    const [key = '', value = ''] = part.split('=');
    parts.set(key.toUpperCase(), value.toUpperCase());
  }
  const fail = (message: string) => new IcsParseError(`RRULE ${message}`, prop.line);
  if (parts.get('FREQ') !== 'YEARLY')
    throw fail(`FREQ must be YEARLY, got "${parts.get('FREQ') ?? ''}"`);
  const positive = (key: string) => {
    const raw = parts.get(key);
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw) || Number(raw) < 1)
      throw fail(`${key} must be a positive integer, got "${raw}"`);
    return Number(raw);
  };
  const rule: YearlyRule = { interval: positive('INTERVAL') ?? 1 };
  const count = positive('COUNT');
  if (count !== undefined) rule.count = count;
  const until = parts.get('UNTIL');
  if (until !== undefined) {
    if (count !== undefined) throw fail('must not have both COUNT and UNTIL');
    rule.untilDay = icsDay({ ...prop, name: 'UNTIL', value: until });
  }
  const month = positive('BYMONTH');
  if (month !== undefined) {
    if (month > 12) throw fail(`BYMONTH must be 1–12, got ${month}`);
    rule.month = month;
  }
  const monthDay = positive('BYMONTHDAY');
  if (monthDay !== undefined) {
    if (monthDay > 31) throw fail(`BYMONTHDAY must be 1–31, got ${monthDay}`);
    rule.monthDay = monthDay;
  }
  const byDay = parts.get('BYDAY');
  if (byDay !== undefined) {
    const m = /^([+-]?[1-5])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay);
    if (!m) throw fail(`BYDAY must be one ordinal weekday such as 4TH or -1MO, got "${byDay}"`);
    rule.byDay = { ordinal: Number(m[1]), weekday: RRULE_WEEKDAYS.indexOf(m[2] ?? '') };
  }
  for (const key of parts.keys()) {
    if (
      !['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYMONTH', 'BYMONTHDAY', 'BYDAY', 'WKST'].includes(
        key,
      )
    ) {
      throw fail(`part ${key} is not supported`);
    }
  }
  return rule;
}

/** The rule's date in a year, or undefined when it does not exist (e.g. 29 Feb, 5th Monday). */
function ruleDate(
  rule: YearlyRule,
  year: number,
  startMonth: number,
  startDay: number,
): number | undefined {
  const month = rule.month ?? startMonth;
  if (rule.byDay) {
    const { ordinal, weekday } = rule.byDay;
    const length = daysInMonth(year, month);
    if (ordinal > 0) {
      const first = dayNumber(year, month, 1);
      const day = first + ((weekday - weekdayIndex(first) + 7) % 7) + (ordinal - 1) * 7;
      return day < first + length ? day : undefined;
    }
    const last = dayNumber(year, month, length);
    const day = last - ((weekdayIndex(last) - weekday + 7) % 7) + (ordinal + 1) * 7;
    return day > last - length ? day : undefined;
  }
  const dom = rule.monthDay ?? startDay;
  return dom <= daysInMonth(year, month) ? dayNumber(year, month, dom) : undefined;
}

type RawEvent = { line: number; props: ContentLine[] };

function eventDates(event: RawEvent, range: IcsYearRange | undefined): NamedDate[] {
  const one = (name: string) => event.props.find((p) => p.name === name);
  const status = one('STATUS');
  if (status?.value.toUpperCase() === 'CANCELLED') return [];
  const dtstart = one('DTSTART');
  if (!dtstart) throw new IcsParseError('VEVENT has no DTSTART', event.line);
  const summary = one('SUMMARY');
  const name = summary ? unescapeText(summary.value).trim() : '';
  if (name === '') throw new IcsParseError('VEVENT has no SUMMARY (holiday name)', event.line);
  const start = icsDay(dtstart);
  const dtend = one('DTEND');
  const duration = one('DURATION');
  let length = 1;
  if (dtend) {
    length = icsDay(dtend, true) - start;
    if (length < 1) throw new IcsParseError('DTEND must be after DTSTART', dtend.line);
  } else if (duration) {
    const m = /^P(?:(\d+)W|(\d+)D)$/.exec(duration.value);
    if (!m)
      throw new IcsParseError(
        `DURATION must be PnD or PnW, got "${duration.value}"`,
        duration.line,
      );
    length = m[1] !== undefined ? Number(m[1]) * 7 : Number(m[2]);
    if (length < 1) throw new IcsParseError('DURATION must be at least one day', duration.line);
  }
  const excluded = new Set<number>();
  for (const ex of event.props.filter((p) => p.name === 'EXDATE')) {
    for (const value of ex.value.split(',')) excluded.add(icsDay({ ...ex, value }));
  }
  const rrule = one('RRULE');
  const starts: number[] = [];
  if (!rrule) {
    starts.push(start);
  } else {
    const rule = parseRule(rrule);
    if (rule.count === undefined && rule.untilDay === undefined && !range) {
      throw new IcsParseError(
        'RRULE without COUNT or UNTIL needs a year range to expand',
        rrule.line,
      );
    }
    const startDate = formatDayNumber(start);
    const startYear = Number(startDate.slice(0, 4));
    // COUNT counts occurrences, and some years have none (29 February, a 5th weekday), so bound
    // the walk generously: 29 February recurs at least every 8 years.
    const lastYear = Math.min(
      range?.toYear ?? Number.POSITIVE_INFINITY,
      rule.untilDay === undefined
        ? Number.POSITIVE_INFINITY
        : Number(formatDayNumber(rule.untilDay).slice(0, 4)),
      rule.count === undefined
        ? Number.POSITIVE_INFINITY
        : startYear + rule.count * rule.interval * 8,
    );
    let produced = 0;
    for (let y = startYear; y <= lastYear; y += rule.interval) {
      const day = ruleDate(rule, y, Number(startDate.slice(5, 7)), Number(startDate.slice(8, 10)));
      if (day === undefined || day < start) continue;
      if (rule.untilDay !== undefined && day > rule.untilDay) break;
      if (rule.count !== undefined && produced >= rule.count) break;
      produced += 1;
      if (!excluded.has(day)) starts.push(day);
    }
  }
  const out: NamedDate[] = [];
  for (const s of starts) {
    for (let d = s; d < s + length; d++) out.push({ date: formatDayNumber(d), name });
  }
  return out;
}

/**
 * Holidays from iCalendar text: every VEVENT gives its all-day dates (DTSTART;VALUE=DATE, DTEND
 * exclusive or DURATION PnD/PnW, EXDATE), with the SUMMARY unescaped as the name. RRULE supports
 * FREQ=YEARLY with INTERVAL, COUNT, UNTIL, BYMONTH, BYMONTHDAY and one ordinal BYDAY (4TH, -1MO).
 * With `range`, only dates in those years are returned (and unbounded rules expand over them);
 * without it an unbounded RRULE is an error. Cancelled events are skipped. Sorted by date.
 * @throws IcsParseError naming the line for malformed or unsupported input.
 */
export function parseIcsHolidays(text: string, range?: IcsYearRange): NamedDate[] {
  if (
    range &&
    (!Number.isInteger(range.fromYear) ||
      !Number.isInteger(range.toYear) ||
      range.fromYear > range.toYear)
  ) {
    throw new RangeError(`bad year range ${range.fromYear}–${range.toYear}`);
  }
  const lines = contentLines(text);
  const first = lines[0];
  if (!first || first.name !== 'BEGIN' || first.value.toUpperCase() !== 'VCALENDAR') {
    throw new IcsParseError('not an iCalendar file: expected BEGIN:VCALENDAR', first?.line ?? 1);
  }
  const stack: string[] = [];
  const events: RawEvent[] = [];
  let event: RawEvent | undefined;
  for (const line of lines) {
    const component = line.value.toUpperCase();
    if (line.name === 'BEGIN') {
      stack.push(component);
      if (component === 'VEVENT') {
        if (event) throw new IcsParseError('VEVENT inside VEVENT', line.line);
        event = { line: line.line, props: [] };
      }
    } else if (line.name === 'END') {
      const open = stack.pop();
      if (open !== component) {
        throw new IcsParseError(
          `END:${line.value} does not match BEGIN:${open ?? '(none)'}`,
          line.line,
        );
      }
      if (component === 'VEVENT' && event) {
        events.push(event);
        event = undefined;
      }
    } else if (stack.length === 0) {
      throw new IcsParseError(`property ${line.name} outside VCALENDAR`, line.line);
    } else if (event && stack.at(-1) === 'VEVENT') {
      event.props.push(line);
    }
  }
  if (stack.length > 0) {
    throw new IcsParseError(`missing END:${stack.at(-1) ?? ''}`, lines.at(-1)?.line ?? 1);
  }
  const seen = new Set<string>();
  const out: NamedDate[] = [];
  for (const e of events) {
    for (const h of eventDates(e, range)) {
      const year = Number(h.date.slice(0, 4));
      if (range && (year < range.fromYear || year > range.toYear)) continue;
      const key = `${h.date}\u0000${h.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(h);
    }
  }
  return out.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : 1,
  );
}
