/**
 * `ombud calendar …`, `ombud holidays …` and `ombud lunar …`: the business-calendar arithmetic on
 * the command line, for admins checking a calendar and for scripts. Every command prints one line
 * of JSON; bad input exits 2 with a one-line message naming the flag or field.
 */
import {
  addBusinessDays,
  addBusinessSeconds,
  businessSecondsBetween,
  closeOfBusiness,
  generateVnHolidays,
  lunarToSolar,
  nextOpenInstant,
  parseBusinessCalendar,
  parseHolidayOverrides,
  solarToLunar,
  type BusinessCalendar,
  type HolidayOverrides,
  type Period,
  type WeeklyHours,
} from './domain/index.ts';

export type CliIo = {
  readFile(path: string): Promise<string>;
  stdout(s: string): void;
  stderr(s: string): void;
};

/** Bad input: reported on stderr with exit code 2. */
class UsageError extends Error {}

const OFFICE_HOURS: Period[] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];
/** Used by `holidays` without --calendar: Monday–Friday office hours, weekends off. */
const DEFAULT_WEEKLY_HOURS: WeeklyHours = {
  mon: OFFICE_HOURS,
  tue: OFFICE_HOURS,
  wed: OFFICE_HOURS,
  thu: OFFICE_HOURS,
  fri: OFFICE_HOURS,
  sat: [],
  sun: [],
};

type FlagSpec = Record<string, 'value' | 'switch'>;
type Flags = Map<string, string>;

function parseFlags(args: readonly string[], spec: FlagSpec, command: string): Flags {
  const flags: Flags = new Map();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}" for ${command}`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const kind = spec[name];
    if (!kind) {
      const known = Object.keys(spec)
        .map((f) => `--${f}`)
        .join(', ');
      throw new UsageError(`unknown flag --${name} for ${command} (expected ${known})`);
    }
    if (flags.has(name)) throw new UsageError(`--${name} given twice`);
    if (kind === 'switch') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags.set(name, 'true');
      continue;
    }
    let value: string | undefined = eq === -1 ? args[i + 1] : arg.slice(eq + 1);
    if (eq === -1) {
      // A following "--flag" is a missing value; "-90" is a negative number and is fine.
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`--${name} needs a value`);
      i += 1;
    }
    value ??= '';
    flags.set(name, value);
  }
  return flags;
}

function required(flags: Flags, name: string): string {
  const value = flags.get(name);
  if (value === undefined) throw new UsageError(`missing --${name}`);
  return value;
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO 8601 / RFC 3339 instant: a date, a time and a zone designator (Z or ±HH:MM). */
function parseInstant(flag: string, text: string): Date {
  const bad = () =>
    new UsageError(
      `--${flag} must be an ISO 8601 instant such as 2026-03-02T08:00:00+07:00, got "${text}"`,
    );
  const m = INSTANT.exec(text);
  if (!m) throw bad();
  const [, y, mo, d, h, mi, s = '0', frac = '', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) throw bad();
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) throw bad();
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2));
    if (oh > 23 || om > 59) throw bad();
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s), ms);
  return new Date(utc - offsetMinutes * 60_000);
}

function parseNumber(flag: string, text: string, integer = false): number {
  const pattern = integer ? /^[+-]?\d+$/ : /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
  if (!pattern.test(text)) {
    throw new UsageError(`--${flag} must be ${integer ? 'an integer' : 'a number'}, got "${text}"`);
  }
  return Number(text);
}

async function readJson(io: CliIo, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`--calendar: cannot read "${path}": ${reason}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`--calendar: "${path}" is not valid JSON: ${reason}`);
  }
}

/** A calendar file: a business calendar, optionally with a `holidayOverrides` array. */
async function loadCalendarFile(
  io: CliIo,
  path: string,
): Promise<{ calendar: BusinessCalendar; overrides: HolidayOverrides[] }> {
  const json = await readJson(io, path);
  let overrides: HolidayOverrides[] = [];
  let calendarJson = json;
  if (
    typeof json === 'object' &&
    json !== null &&
    !Array.isArray(json) &&
    'holidayOverrides' in json
  ) {
    const { holidayOverrides, ...rest } = json as Record<string, unknown>;
    const parsed = parseHolidayOverrides(holidayOverrides);
    if (!parsed.ok) throw new UsageError(`--calendar ${path}: ${parsed.field}: ${parsed.message}`);
    overrides = parsed.overrides;
    calendarJson = rest;
  }
  const parsed = parseBusinessCalendar(calendarJson);
  if (!parsed.ok) {
    const where = parsed.field === '' ? '' : `${parsed.field}: `;
    throw new UsageError(`--calendar ${path}: ${where}${parsed.message}`);
  }
  return { calendar: parsed.calendar, overrides };
}

const AMOUNT_FLAGS = ['minutes', 'hours', 'seconds', 'business-days'] as const;

async function calendarCommand(args: readonly string[], io: CliIo): Promise<unknown> {
  const [sub, ...rest] = args;
  const command = `calendar ${sub ?? ''}`.trim();
  switch (sub) {
    case 'add': {
      const flags = parseFlags(
        rest,
        {
          calendar: 'value',
          start: 'value',
          minutes: 'value',
          hours: 'value',
          seconds: 'value',
          'business-days': 'value',
        },
        command,
      );
      const given = AMOUNT_FLAGS.filter((f) => flags.has(f));
      const [amountFlag] = given;
      if (given.length !== 1 || amountFlag === undefined) {
        throw new UsageError(
          'calendar add needs exactly one of --minutes, --hours, --seconds, --business-days',
        );
      }
      const amountText = required(flags, amountFlag);
      const start = parseInstant('start', required(flags, 'start'));
      const { calendar } = await loadCalendarFile(io, required(flags, 'calendar'));
      if (amountFlag === 'business-days') {
        const n = parseNumber(amountFlag, amountText, true);
        return { at: addBusinessDays(start, n, calendar).toISOString() };
      }
      const amount = parseNumber(amountFlag, amountText);
      const seconds =
        amountFlag === 'hours' ? amount * 3600 : amountFlag === 'minutes' ? amount * 60 : amount;
      return { at: addBusinessSeconds(start, seconds, calendar).toISOString() };
    }
    case 'elapsed': {
      const flags = parseFlags(rest, { calendar: 'value', from: 'value', to: 'value' }, command);
      const from = parseInstant('from', required(flags, 'from'));
      const to = parseInstant('to', required(flags, 'to'));
      const { calendar } = await loadCalendarFile(io, required(flags, 'calendar'));
      return { seconds: businessSecondsBetween(from, to, calendar) };
    }
    case 'next-open': {
      const flags = parseFlags(rest, { calendar: 'value', at: 'value' }, command);
      const at = parseInstant('at', required(flags, 'at'));
      const { calendar } = await loadCalendarFile(io, required(flags, 'calendar'));
      return { at: nextOpenInstant(at, calendar).toISOString() };
    }
    case 'close-of-business': {
      const flags = parseFlags(rest, { calendar: 'value', at: 'value', days: 'value' }, command);
      const at = parseInstant('at', required(flags, 'at'));
      const days = parseNumber('days', required(flags, 'days'), true);
      const { calendar } = await loadCalendarFile(io, required(flags, 'calendar'));
      return { at: closeOfBusiness(at, days, calendar).toISOString() };
    }
    case undefined:
    default: {
      const what =
        sub === undefined ? 'missing calendar command' : `unknown calendar command "${sub}"`;
      throw new UsageError(`${what}; expected add, elapsed, next-open or close-of-business`);
    }
  }
}

async function holidaysCommand(args: readonly string[], io: CliIo): Promise<unknown> {
  const flags = parseFlags(
    args,
    { country: 'value', year: 'value', calendar: 'value', 'sep2-adjacent': 'value' },
    'holidays',
  );
  const country = required(flags, 'country');
  if (country.toUpperCase() !== 'VN') {
    throw new UsageError(
      `--country must be VN (the only country with generated holidays), got "${country}"`,
    );
  }
  const yearText = required(flags, 'year');
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
  if (!(year >= 1900 && year <= 2199))
    throw new UsageError(`--year must be a year in 1900–2199, got "${yearText}"`);
  const adjacent = flags.get('sep2-adjacent') ?? 'before';
  if (adjacent !== 'before' && adjacent !== 'after') {
    throw new UsageError(`--sep2-adjacent must be before or after, got "${adjacent}"`);
  }
  const path = flags.get('calendar');
  const file = path === undefined ? undefined : await loadCalendarFile(io, path);
  return generateVnHolidays(year, {
    weeklyHours: file?.calendar.weeklyHours ?? DEFAULT_WEEKLY_HOURS,
    overrides: file?.overrides ?? [],
    sep2Adjacent: adjacent,
  });
}

function lunarCommand(args: readonly string[]): unknown {
  const flags = parseFlags(
    args,
    { 'to-solar': 'value', 'from-solar': 'value', leap: 'switch' },
    'lunar',
  );
  const toSolar = flags.get('to-solar');
  const fromSolar = flags.get('from-solar');
  if ((toSolar === undefined) === (fromSolar === undefined)) {
    throw new UsageError(
      'lunar needs exactly one of --to-solar YYYY-MM-DD or --from-solar YYYY-MM-DD',
    );
  }
  if (fromSolar !== undefined) {
    if (flags.has('leap')) throw new UsageError('--leap only goes with --to-solar');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fromSolar)) {
      throw new UsageError(`--from-solar must be a date YYYY-MM-DD, got "${fromSolar}"`);
    }
    try {
      return solarToLunar(fromSolar);
    } catch (error) {
      throw new UsageError(
        `--from-solar: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(toSolar ?? '');
  if (!m)
    throw new UsageError(`--to-solar must be a lunar date YYYY-MM-DD, got "${toSolar ?? ''}"`);
  try {
    const date = lunarToSolar({
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      leap: flags.has('leap'),
    });
    return { date };
  } catch (error) {
    throw new UsageError(`--to-solar: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Runs `ombud calendar|holidays|lunar …` (argv excludes "ombud"). Prints one line of JSON on
 * stdout and returns 0; on bad input prints `error: …` on stderr and returns 2.
 */
export async function runCalendarCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    let result: unknown;
    switch (command) {
      case 'calendar':
        result = await calendarCommand(rest, io);
        break;
      case 'holidays':
        result = await holidaysCommand(rest, io);
        break;
      case 'lunar':
        result = lunarCommand(rest);
        break;
      case undefined:
      default: {
        const what = command === undefined ? 'missing command' : `unknown command "${command}"`;
        throw new UsageError(`${what}; expected calendar, holidays or lunar`);
      }
    }
    io.stdout(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (error) {
    // RangeError comes from the domain rejecting input (e.g. a calendar with no open hours).
    if (error instanceof UsageError || error instanceof RangeError) {
      io.stderr(`error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
