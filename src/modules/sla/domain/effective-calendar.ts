import type { BusinessCalendar, Period, WeeklyHours } from './business-calendar.ts';
import { expandCustomHolidays, type CustomHolidayDef } from './custom-holidays.ts';
import {
  applyHolidaysToCalendar,
  generateVnHolidays,
  type Holiday,
  type HolidayOverrides,
} from './vn-holidays.ts';

/** A calendar as stored: the hours, plus the rules that generate its holidays year by year. */
export type CalendarRecord = {
  id: string;
  name: string;
  version: number;
  timeZone: string;
  weeklyHours: WeeklyHours;
  dateHours: Record<string, Period[]>;
  holidays: { date: string; name: string }[];
  holidayCountry: 'VN' | null;
  holidayOverrides: HolidayOverrides[];
  customHolidays: CustomHolidayDef[];
  isDefault: boolean;
};

export type YearHolidays = {
  generated: Holiday[];
  effective: (Omit<Holiday, 'kind'> & { kind: Holiday['kind'] | 'custom' | 'imported' })[];
  workdays: { date: string; hours: Period[] }[];
};

/** The holidays of one year: statutory ones with compensation and overrides, custom and listed days. */
export function holidaysOfYear(record: CalendarRecord, year: number): YearHolidays {
  const generated =
    record.holidayCountry === 'VN'
      ? generateVnHolidays(year, { weeklyHours: record.weeklyHours })
      : [];
  const withOverrides =
    record.holidayCountry === 'VN'
      ? generateVnHolidays(year, {
          weeklyHours: record.weeklyHours,
          overrides: record.holidayOverrides,
        })
      : [];
  const custom = expandCustomHolidays(record.customHolidays, year).map((h) => ({
    ...h,
    kind: 'custom' as const,
  }));
  const listed = record.holidays
    .filter((h) => h.date.startsWith(`${year}-`))
    .map((h) => ({ ...h, kind: 'imported' as const }));
  const effective = [...withOverrides, ...custom, ...listed].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  const swaps = record.holidayOverrides
    .filter((o) => o.year === year)
    .flatMap((o) => o.swaps ?? []);
  const applied = applyHolidaysToCalendar(
    { timeZone: record.timeZone, weeklyHours: record.weeklyHours, holidays: [], dateHours: {} },
    [],
    swaps,
  );
  const workdays = Object.entries(applied.dateHours).map(([date, hours]) => ({
    date,
    hours: hours.map((p) => [p[0], p[1]] as Period),
  }));
  return { generated, effective, workdays };
}

/**
 * The plain BusinessCalendar the arithmetic needs, for the years around `at` (a clock rarely
 * spans more): the year before it to two years after it.
 */
export function effectiveCalendar(record: CalendarRecord, at: Date): BusinessCalendar {
  const year = at.getUTCFullYear();
  const holidays = new Set<string>();
  let dateHours: Record<string, readonly Period[]> = {};
  for (let y = year - 1; y <= year + 2; y++) {
    const { effective, workdays } = holidaysOfYear(record, y);
    for (const h of effective) holidays.add(h.date);
    for (const w of workdays) dateHours = { ...dateHours, [w.date]: w.hours };
  }
  return {
    timeZone: record.timeZone,
    weeklyHours: record.weeklyHours,
    holidays: [...holidays].sort(),
    dateHours: { ...dateHours, ...record.dateHours },
  };
}
