import { describe, expect, it } from 'vitest';
import type { Period } from './business-calendar.ts';
import { effectiveCalendar, holidaysOfYear, type CalendarRecord } from './effective-calendar.ts';

const OFFICE: Period[] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];
const record: CalendarRecord = {
  id: 'cal',
  name: 'Giờ hành chính',
  version: 1,
  timeZone: 'Asia/Ho_Chi_Minh',
  weeklyHours: {
    mon: OFFICE,
    tue: OFFICE,
    wed: OFFICE,
    thu: OFFICE,
    fri: OFFICE,
    sat: [],
    sun: [],
  },
  dateHours: { '2026-06-06': [['08:00', '12:00']] },
  holidays: [{ date: '2026-06-01', name: 'Ngày thành lập công ty' }],
  holidayCountry: 'VN',
  // 2026: the government gives Friday 2 January off, worked back on Saturday 10 January.
  holidayOverrides: [
    { year: 2026, swaps: [{ dayOff: '2026-01-02', workday: '2026-01-10' }], remove: [] },
  ],
  customHolidays: [{ name: 'Rằm tháng Giêng', calendar: 'lunar', month: 1, day: 15 }],
  isDefault: true,
};

describe('holidaysOfYear', () => {
  const y2026 = holidaysOfYear(record, 2026);

  it('keeps the generated statutory list apart from the effective one', () => {
    expect(y2026.generated.map((h) => h.date)).toContain('2026-02-17');
    expect(y2026.generated.map((h) => h.date)).not.toContain('2026-06-01');
  });

  it('adds the swap, the custom lunar day and the listed day to the effective list', () => {
    const effective = new Map(y2026.effective.map((h) => [h.date, h.kind]));
    expect(effective.get('2026-01-02')).toBe('override');
    expect(effective.get('2026-03-03')).toBe('custom'); // 15/1 lunar 2026
    expect(effective.get('2026-06-01')).toBe('imported');
    expect(effective.get('2026-04-27')).toBe('compensatory'); // Hùng Kings on a Sunday
    expect(y2026.workdays).toEqual([{ date: '2026-01-10', hours: OFFICE }]);
  });

  it('has no statutory days for a calendar of no country', () => {
    const none = holidaysOfYear({ ...record, holidayCountry: null }, 2026);
    expect(none.generated).toEqual([]);
    expect(none.effective.every((h) => h.kind === 'custom' || h.kind === 'imported')).toBe(true);
  });
});

describe('effectiveCalendar', () => {
  const calendar = effectiveCalendar(record, new Date('2026-05-01T00:00:00Z'));

  it('covers the year before to two years after', () => {
    expect(calendar.holidays).toContain('2025-01-29'); // Tết 2025
    expect(calendar.holidays).toContain('2028-01-26'); // Tết 2028
    expect(calendar.holidays.some((d) => d.startsWith('2024-'))).toBe(false);
    expect(calendar.holidays.some((d) => d.startsWith('2029-'))).toBe(false);
  });

  it('opens the swapped workday and keeps the record’s own dated hours', () => {
    expect(calendar.dateHours['2026-01-10']).toEqual(OFFICE);
    expect(calendar.dateHours['2026-06-06']).toEqual([['08:00', '12:00']]);
  });

  it('is sorted and without repeats', () => {
    expect([...calendar.holidays].sort()).toEqual(calendar.holidays);
    expect(new Set(calendar.holidays).size).toBe(calendar.holidays.length);
  });
});
