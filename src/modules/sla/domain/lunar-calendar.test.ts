import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar } from './lunar-calendar.ts';

const newYear = (year: number) => ({ year, month: 1, day: 1, leap: false });

describe('Vietnamese lunar calendar', () => {
  // Tết (lunar 1/1) from published Vietnamese calendars; China (UTC+8) differs in 1985, 2007, 2030.
  it.each([
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
    [2023, '2023-01-22', '2023-01-22'],
    [2024, '2024-02-10', '2024-02-10'],
    [2025, '2025-01-29', '2025-01-29'],
    [2026, '2026-02-17', '2026-02-17'],
    [2027, '2027-02-06', '2027-02-06'],
  ])('Tết %i is %s in Vietnam and %s in China', (year, vietnam, china) => {
    expect(lunarToSolar(newYear(year))).toBe(vietnam);
    expect(lunarToSolar(newYear(year), { utcOffsetHours: 8 })).toBe(china);
    expect(solarToLunar(vietnam)).toEqual(newYear(year));
  });

  it.each([
    [2020, 4, '2020-05-23'],
    [2023, 2, '2023-03-22'],
    [2025, 6, '2025-07-25'],
    [2028, 5, '2028-06-23'],
    [2033, 11, '2033-12-22'],
  ])('lunar %i has leap month %i starting %s', (year, month, start) => {
    expect(leapMonthOf(year)).toBe(month);
    expect(lunarToSolar({ year, month, day: 1, leap: true })).toBe(start);
    expect(solarToLunar(start)).toEqual({ year, month, day: 1, leap: true });
  });

  it.each([2024, 2026, 2027])('lunar %i has no leap month', (year) => {
    expect(leapMonthOf(year)).toBeUndefined();
  });

  it.each([
    ['2026-02-16', { year: 2025, month: 12, day: 29, leap: false }],
    ['2026-04-26', { year: 2026, month: 3, day: 10, leap: false }],
    ['2025-04-07', { year: 2025, month: 3, day: 10, leap: false }],
    ['2025-01-28', { year: 2024, month: 12, day: 29, leap: false }],
    ['1900-01-01', { year: 1899, month: 12, day: 1, leap: false }],
    ['2199-12-31', solarToLunar('2199-12-31')],
  ])('%s is lunar %j', (solar, lunar) => {
    expect(solarToLunar(solar)).toEqual(lunar);
    expect(lunarToSolar(lunar)).toBe(solar);
  });

  it('knows month lengths', () => {
    expect(lunarMonthLength(2025, 12)).toBe(29);
    expect(lunarMonthLength(2025, 6, true)).toBe(29);
    expect(lunarMonthLength(2024, 6, true)).toBeUndefined();
  });

  it.each([
    [
      { year: 2024, month: 2, day: 1, leap: true },
      /2024 has no leap month 2 \(it has no leap month\)/,
    ],
    [{ year: 2025, month: 5, day: 1, leap: true }, /has leap month 6/],
    [{ year: 2025, month: 12, day: 30, leap: false }, /has 29 days, not 30/],
    [{ year: 2025, month: 13, day: 1, leap: false }, /month must be/],
    [{ year: 2025, month: 1, day: 0, leap: false }, /day must be/],
    [{ year: 2300, month: 1, day: 1, leap: false }, /year must be/],
  ])('rejects %j', (lunar, message) => {
    expect(() => lunarToSolar(lunar)).toThrow(message);
  });

  it('rejects bad solar dates', () => {
    expect(() => solarToLunar('2025-02-29')).toThrow(RangeError);
    expect(() => solarToLunar('1899-12-31')).toThrow(/1900–2199/);
  });

  it('round-trips every day and keeps months consecutive (property)', () => {
    const dayArb = fc.integer({
      min: Date.UTC(1900, 0, 1) / 86_400_000,
      max: Date.UTC(2199, 11, 30) / 86_400_000,
    });
    fc.assert(
      fc.property(dayArb, (day) => {
        const today = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const tomorrow = new Date((day + 1) * 86_400_000).toISOString().slice(0, 10);
        const a = solarToLunar(today);
        const b = solarToLunar(tomorrow);
        expect(lunarToSolar(a)).toBe(today);
        if (b.day === 1) {
          expect([29, 30]).toContain(a.day);
          expect(lunarMonthLength(a.year, a.month, a.leap)).toBe(a.day);
        } else {
          expect(b).toEqual({ ...a, day: a.day + 1 });
        }
      }),
      { numRuns: 2000 },
    );
  });
});
