import { describe, expect, it } from 'vitest';
import type { BusinessCalendar, Period } from './business-calendar.ts';
import { escalationAt, parseEscalationStep, type EscalationStep } from './escalation.ts';

const OFFICE: Period[] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];
/** Hồ Chí Minh City (UTC+7), Mon–Fri with a lunch break, Tết 2026 (16–20 Feb) off. */
const VN: BusinessCalendar = {
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
  holidays: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
  dateHours: {},
};
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);
const step = (amount: number, unit: EscalationStep['unit']): EscalationStep => ({
  level: 1,
  amount,
  unit,
});

describe('escalationAt', () => {
  it.each([
    // Breached Monday 20:50: in business time the manager hears it when the office opens.
    [
      'at once, business: the next opening',
      '2026-03-02 20:50',
      step(0, 'business_minutes'),
      '2026-03-03 08:00',
    ],
    [
      'at once, business, office open: the breach itself',
      '2026-03-02 14:00',
      step(0, 'business_minutes'),
      '2026-03-02 14:00',
    ],
    [
      'at once, calendar: the breach itself',
      '2026-03-02 20:50',
      step(0, 'calendar_minutes'),
      '2026-03-02 20:50',
    ],
    [
      '30 business minutes after 20:50',
      '2026-03-02 20:50',
      step(30, 'business_minutes'),
      '2026-03-03 08:30',
    ],
    [
      '4 business hours over the lunch break and the night',
      '2026-03-02 14:00',
      step(4, 'business_hours'),
      '2026-03-03 09:00',
    ],
    [
      '4 business hours from Friday evening',
      '2026-03-06 20:50',
      step(4, 'business_hours'),
      '2026-03-09 12:00',
    ],
    [
      '4 calendar hours at night',
      '2026-03-02 20:50',
      step(4, 'calendar_hours'),
      '2026-03-03 00:50',
    ],
    ['240 calendar minutes', '2026-03-02 14:00', step(240, 'calendar_minutes'), '2026-03-02 18:00'],
    [
      '1 business day from Friday evening: Monday, at its close',
      '2026-03-06 20:50',
      step(1, 'business_days'),
      '2026-03-09 17:00',
    ],
    ['1 business day over Tết', '2026-02-13 10:00', step(1, 'business_days'), '2026-02-23 10:00'],
    ['1 calendar day', '2026-03-06 20:50', step(1, 'calendar_days'), '2026-03-07 20:50'],
    [
      'at once, business, in Tết',
      '2026-02-17 10:00',
      step(0, 'business_hours'),
      '2026-02-23 08:00',
    ],
  ])('%s', (_label, due, delay, expected) => {
    expect(escalationAt(vn(due), delay, VN).toISOString()).toBe(vn(expected).toISOString());
  });

  it('refuses a negative or fractional amount', () => {
    expect(() => escalationAt(vn('2026-03-02 14:00'), step(-1, 'business_hours'), VN)).toThrow(
      RangeError,
    );
    expect(() => escalationAt(vn('2026-03-02 14:00'), step(1.5, 'business_hours'), VN)).toThrow(
      RangeError,
    );
  });
});

describe('parseEscalationStep', () => {
  it.each([
    [
      { level: 2, amount: 4, unit: 'business_hours' },
      { level: 2, amount: 4, unit: 'business_hours' },
    ],
    // Saved before delays had a unit: minutes of elapsed time, as they behaved.
    [
      { level: 2, afterMinutes: 240 },
      { level: 2, amount: 240, unit: 'calendar_minutes' },
    ],
    [{ level: 1, amount: 1, unit: 'fortnights' }, undefined],
    [{ amount: 1, unit: 'business_hours' }, undefined],
    [null, undefined],
  ])('%j', (stored, expected) => {
    expect(parseEscalationStep(stored)).toEqual(expected);
  });
});
