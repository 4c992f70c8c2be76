import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessMinutes,
  addBusinessSeconds,
  addCalendarDays,
  addCalendarMinutes,
  addCalendarWeeks,
  businessSecondsBetween,
  closeOfBusiness,
  endOfBusinessDay,
  isOpenAt,
  nextOpenInstant,
  parseBusinessCalendar,
  subtractBusinessDays,
  subtractBusinessMinutes,
  subtractBusinessSeconds,
  type BusinessCalendar,
  type Period,
  type Weekday,
} from './business-calendar.ts';

const OFFICE: Period[] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];

function weekdays(periods: Period[], extra: Partial<Record<Weekday, Period[]>> = {}) {
  return {
    mon: periods,
    tue: periods,
    wed: periods,
    thu: periods,
    fri: periods,
    sat: [],
    sun: [],
    ...extra,
  };
}

/** Hà Nội office: Mon–Fri with a lunch break, Tết 2026 off, a swapped working Saturday. */
const VN: BusinessCalendar = {
  timeZone: 'Asia/Ho_Chi_Minh',
  weeklyHours: weekdays(OFFICE),
  holidays: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-03-06'],
  dateHours: {
    '2026-02-28': OFFICE, // Saturday worked in exchange for a day off
    '2026-03-04': [['08:00', '12:00']], // shortened Wednesday
    '2026-03-05': [], // closed Thursday
    '2026-03-06': [['13:00', '17:00']], // holiday reopened in the afternoon: dateHours wins
  },
};

const NEW_YORK: BusinessCalendar = {
  timeZone: 'America/New_York',
  weeklyHours: weekdays([['09:00', '17:00']], { sun: [['01:00', '03:00']] }),
  holidays: [],
  dateHours: {},
};

const NY_OFFICE: BusinessCalendar = { ...NEW_YORK, weeklyHours: weekdays([['09:00', '17:00']]) };

const LONDON: BusinessCalendar = {
  timeZone: 'Europe/London',
  weeklyHours: weekdays([['09:00', '17:00']], { sun: [['00:00', '24:00']] }),
  holidays: [],
  dateHours: {},
};

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe('addBusinessMinutes', () => {
  // Hà Nội is UTC+7: local 08:00 = 01:00Z, 12:00 = 05:00Z, 13:00 = 06:00Z, 17:00 = 10:00Z.
  it.each([
    ['inside a period', '2026-03-02T09:00:00+07:00', 60, '2026-03-02T03:00:00.000Z'],
    ['across lunch', '2026-03-02T11:30:00+07:00', 60, '2026-03-02T06:30:00.000Z'],
    [
      'exactly at opening, ends exactly at lunch',
      '2026-03-02T08:00:00+07:00',
      240,
      '2026-03-02T05:00:00.000Z',
    ],
    ['exactly at lunch start (closed)', '2026-03-02T12:00:00+07:00', 1, '2026-03-02T06:01:00.000Z'],
    ['during lunch', '2026-03-02T12:30:00+07:00', 30, '2026-03-02T06:30:00.000Z'],
    ['before opening', '2026-03-02T06:00:00+07:00', 30, '2026-03-02T01:30:00.000Z'],
    ['exactly at closing', '2026-03-02T17:00:00+07:00', 30, '2026-03-03T01:30:00.000Z'],
    ['Friday evening to Monday', '2026-03-13T16:30:00+07:00', 60, '2026-03-16T01:30:00.000Z'],
    ['Saturday', '2026-03-14T10:00:00+07:00', 30, '2026-03-16T01:30:00.000Z'],
    [
      'over Tết (holidays and weekends)',
      '2026-02-13T16:00:00+07:00',
      120,
      '2026-02-23T02:00:00.000Z',
    ],
    [
      'onto a swapped working Saturday',
      '2026-02-27T16:00:00+07:00',
      120,
      '2026-02-28T02:00:00.000Z',
    ],
    ['past a shortened day', '2026-03-04T11:00:00+07:00', 120, '2026-03-06T07:00:00.000Z'],
    [
      'a holiday reopened by dateHours',
      '2026-03-06T08:00:00+07:00',
      30,
      '2026-03-06T06:30:00.000Z',
    ],
    ['two whole weeks', '2026-03-09T08:00:00+07:00', 2 * 40 * 60, '2026-03-20T10:00:00.000Z'],
    ['backwards inside a period', '2026-03-02T10:00:00+07:00', -60, '2026-03-02T02:00:00.000Z'],
    ['backwards across lunch', '2026-03-02T13:30:00+07:00', -60, '2026-03-02T04:30:00.000Z'],
    ['backwards from lunch end', '2026-03-02T13:00:00+07:00', -60, '2026-03-02T04:00:00.000Z'],
    [
      'backwards to the previous afternoon start',
      '2026-03-03T08:00:00+07:00',
      -240,
      '2026-03-02T06:00:00.000Z',
    ],
    ['backwards over a weekend', '2026-03-16T08:30:00+07:00', -60, '2026-03-13T09:30:00.000Z'],
    ['backwards over Tết', '2026-02-23T09:00:00+07:00', -120, '2026-02-13T09:00:00.000Z'],
    [
      'backwards two whole weeks',
      '2026-03-20T17:00:00+07:00',
      -2 * 40 * 60,
      '2026-03-09T01:00:00.000Z',
    ],
  ])('%s: %s + %d min', (_label, start, minutes, expected) => {
    expect(iso(addBusinessMinutes(at(start), minutes, VN))).toBe(expected);
  });

  it.each([
    // New York: EST is UTC−5, EDT UTC−4. Spring forward 2026-03-08 02:00, fall back 2026-11-01 02:00.
    [
      'NY Friday EST to Monday EDT keeps 10:00 local',
      NEW_YORK,
      '2026-03-06T21:00:00Z',
      120 + 120,
      '2026-03-09T15:00:00.000Z',
    ],
    [
      'NY spring-forward Sunday 01:00–03:00 is one real hour',
      NEW_YORK,
      '2026-03-08T06:00:00Z',
      60,
      '2026-03-08T07:00:00.000Z',
    ],
    [
      'NY spring-forward Sunday: the 61st minute is Monday',
      NEW_YORK,
      '2026-03-08T06:00:00Z',
      61,
      '2026-03-09T13:01:00.000Z',
    ],
    [
      'NY fall-back Sunday 01:00–03:00 is three real hours',
      NEW_YORK,
      '2026-11-01T05:00:00Z',
      150,
      '2026-11-01T07:30:00.000Z',
    ],
    [
      'NY backwards from Monday opening into fall-back Sunday',
      NEW_YORK,
      '2026-11-02T14:00:00Z',
      -90,
      '2026-11-01T06:30:00.000Z',
    ],
    // London: GMT = UTC, BST = UTC+1. Spring forward 2026-03-29 01:00, fall back 2026-10-25 02:00.
    [
      'London 23-hour spring-forward Sunday ends at Monday 00:00 BST',
      LONDON,
      '2026-03-27T16:00:00Z',
      60 + 23 * 60,
      '2026-03-29T23:00:00.000Z',
    ],
    [
      'London Friday GMT to Monday BST, skipping a 23-hour Sunday',
      LONDON,
      '2026-03-27T16:00:00Z',
      60 + 23 * 60 + 60,
      '2026-03-30T09:00:00.000Z',
    ],
    [
      'London 25-hour fall-back Sunday',
      LONDON,
      '2026-10-24T23:00:00Z',
      25 * 60,
      '2026-10-26T00:00:00.000Z',
    ],
  ])('%s', (_label, calendar, start, minutes, expected) => {
    expect(iso(addBusinessMinutes(at(start), minutes, calendar))).toBe(expected);
  });

  it('supports seconds and fractional minutes', () => {
    expect(iso(addBusinessSeconds(at('2026-03-02T11:59:30+07:00'), 45, VN))).toBe(
      '2026-03-02T06:00:15.000Z',
    );
    expect(iso(addBusinessMinutes(at('2026-03-02T08:00:00+07:00'), 1.5, VN))).toBe(
      '2026-03-02T01:01:30.000Z',
    );
  });

  it('adds 90 business days of minutes across Tết in one call', () => {
    const minutes = 90 * 8 * 60;
    const end = addBusinessMinutes(at('2026-01-05T08:00:00+07:00'), minutes, VN);
    expect(businessSecondsBetween(at('2026-01-05T08:00:00+07:00'), end, VN)).toBe(minutes * 60);
    expect(iso(addBusinessMinutes(end, -minutes, VN))).toBe('2026-01-05T01:00:00.000Z');
  });

  it('rejects bad input and calendars with no open time', () => {
    expect(() => addBusinessMinutes(new Date(Number.NaN), 1, VN)).toThrow(RangeError);
    expect(() =>
      addBusinessMinutes(at('2026-03-02T00:00:00Z'), Number.POSITIVE_INFINITY, VN),
    ).toThrow(RangeError);
    const closed: BusinessCalendar = {
      ...VN,
      weeklyHours: weekdays([], { mon: [] }),
      dateHours: { '2026-03-02': OFFICE },
    };
    expect(iso(addBusinessMinutes(at('2026-03-01T00:00:00Z'), 60, closed))).toBe(
      '2026-03-02T02:00:00.000Z',
    );
    expect(() => addBusinessMinutes(at('2026-03-01T00:00:00Z'), 10_000, closed)).toThrow(
      /no open hours/,
    );
    expect(() =>
      addBusinessMinutes(at('2026-03-01T00:00:00Z'), 1, { ...VN, timeZone: 'Mars/Base' }),
    ).toThrow(/timeZone/);
  });
});

describe('DST edges of open periods', () => {
  const sunday = (sun: Period[]): BusinessCalendar => ({
    ...NEW_YORK,
    weeklyHours: weekdays([], { sun }),
  });
  it.each([
    [
      'period wholly inside the spring gap is empty',
      [['02:00', '02:30']] as Period[],
      '2026-03-08',
      0,
    ],
    [
      'period starting in the spring gap opens when clocks jump',
      [['02:30', '04:00']] as Period[],
      '2026-03-08',
      3600,
    ],
    [
      'period starting in the fall-back overlap opens at its first occurrence',
      [['01:30', '03:00']] as Period[],
      '2026-11-01',
      9000,
    ],
    [
      'period ending in the fall-back overlap closes at its first occurrence',
      [['00:00', '01:30']] as Period[],
      '2026-11-01',
      5400,
    ],
    ['a normal Sunday', [['02:00', '02:30']] as Period[], '2026-03-15', 1800],
  ])('%s', (_label, periods, date, seconds) => {
    const from = at(`${date}T00:00:00Z`);
    const to = at(`${date}T23:59:59Z`);
    expect(businessSecondsBetween(from, to, sunday(periods))).toBe(seconds);
  });

  it('London Sundays open all day last 23 and 25 real hours', () => {
    expect(
      businessSecondsBetween(at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'), LONDON),
    ).toBe(23 * 3600);
    expect(
      businessSecondsBetween(at('2026-10-24T00:00:00Z'), at('2026-10-27T00:00:00Z'), LONDON),
    ).toBe(25 * 3600 + 8 * 3600);
  });
});

describe('businessSecondsBetween', () => {
  const monday = (hhmm: string) => at(`2026-03-02T${hhmm}:00+07:00`);
  it.each([
    ['a whole day', '00:00', '23:59', [], 8 * 3600],
    ['inside one period', '09:00', '10:30', [], 5400],
    ['across lunch', '11:00', '14:00', [], 2 * 3600],
    ['entirely in lunch', '12:10', '12:50', [], 0],
    ['pause inside', '08:00', '17:00', [['09:00', '10:00']], 7 * 3600],
    [
      'overlapping pauses count once',
      '08:00',
      '17:00',
      [
        ['09:00', '10:00'],
        ['09:30', '11:00'],
      ],
      6 * 3600,
    ],
    ['pause spanning lunch', '08:00', '17:00', [['11:30', '13:30']], 7 * 3600],
    ['pause sticking out of the range', '10:00', '17:00', [['07:00', '11:00']], 5 * 3600],
    ['pause outside the range', '10:00', '11:00', [['14:00', '15:00']], 3600],
  ] as [string, string, string, [string, string][], number][])(
    '%s',
    (_label, from, to, pauses, seconds) => {
      const p = pauses.map(([f, t]) => ({ from: monday(f), to: monday(t) }));
      expect(businessSecondsBetween(monday(from), monday(to), VN, p)).toBe(seconds);
    },
  );

  it('is negative when to is before from', () => {
    expect(businessSecondsBetween(monday('10:00'), monday('09:00'), VN)).toBe(-3600);
  });

  it('counts a year with holidays and date overrides', () => {
    // 2026 has 261 weekdays; minus Tết (5 weekdays) and 2026-03-05 closed; Wednesday 4 March is
    // 4 h short; 6 March (holiday) is open 4 h; Saturday 28 February adds a full day.
    const hours = (261 - 5 - 1) * 8 - 4 - 4 + 8;
    expect(
      businessSecondsBetween(at('2026-01-01T00:00:00+07:00'), at('2027-01-01T00:00:00+07:00'), VN),
    ).toBe(hours * 3600);
  });

  it('rejects a pause that ends before it starts', () => {
    expect(() =>
      businessSecondsBetween(monday('08:00'), monday('17:00'), VN, [
        { from: monday('10:00'), to: monday('09:00') },
      ]),
    ).toThrow(/pauses\[0\]/);
  });
});

describe('nextOpenInstant and isOpenAt', () => {
  it.each([
    ['open', '2026-03-02T09:00:00+07:00', '2026-03-02T02:00:00.000Z'],
    ['exactly at opening', '2026-03-02T08:00:00+07:00', '2026-03-02T01:00:00.000Z'],
    ['exactly at lunch start', '2026-03-02T12:00:00+07:00', '2026-03-02T06:00:00.000Z'],
    ['exactly at closing', '2026-03-02T17:00:00+07:00', '2026-03-03T01:00:00.000Z'],
    ['weekend', '2026-03-07T09:00:00+07:00', '2026-03-09T01:00:00.000Z'],
    ['Tết', '2026-02-15T09:00:00+07:00', '2026-02-23T01:00:00.000Z'],
    ['holiday reopened in the afternoon', '2026-03-06T08:00:00+07:00', '2026-03-06T06:00:00.000Z'],
  ])('%s', (_label, start, expected) => {
    expect(iso(nextOpenInstant(at(start), VN))).toBe(expected);
  });

  it('treats periods as half-open', () => {
    expect(isOpenAt(at('2026-03-02T08:00:00+07:00'), VN)).toBe(true);
    expect(isOpenAt(at('2026-03-02T12:00:00+07:00'), VN)).toBe(false);
    expect(isOpenAt(at('2026-03-02T11:59:59+07:00'), VN)).toBe(true);
  });
});

describe('adding zero business time', () => {
  // Forward: the next open instant; backward: the previous close (zendesk/biz, business_time).
  it.each([
    [
      'inside hours: itself',
      '2026-03-02T10:00:00+07:00',
      '2026-03-02T03:00:00.000Z',
      '2026-03-02T03:00:00.000Z',
    ],
    [
      'at opening: itself',
      '2026-03-02T08:00:00+07:00',
      '2026-03-02T01:00:00.000Z',
      '2026-03-02T01:00:00.000Z',
    ],
    [
      'at lunch start',
      '2026-03-02T12:00:00+07:00',
      '2026-03-02T06:00:00.000Z',
      '2026-03-02T05:00:00.000Z',
    ],
    [
      'during lunch',
      '2026-03-02T12:30:00+07:00',
      '2026-03-02T06:00:00.000Z',
      '2026-03-02T05:00:00.000Z',
    ],
    [
      'at closing',
      '2026-03-02T17:00:00+07:00',
      '2026-03-03T01:00:00.000Z',
      '2026-03-02T10:00:00.000Z',
    ],
    [
      'before opening',
      '2026-03-03T06:00:00+07:00',
      '2026-03-03T01:00:00.000Z',
      '2026-03-02T10:00:00.000Z',
    ],
    [
      'Saturday',
      '2026-03-07T10:00:00+07:00',
      '2026-03-09T01:00:00.000Z',
      '2026-03-06T10:00:00.000Z',
    ],
    [
      'Friday before Tết, evening',
      '2026-02-13T20:00:00+07:00',
      '2026-02-23T01:00:00.000Z',
      '2026-02-13T10:00:00.000Z',
    ],
    ['in Tết', '2026-02-18T10:00:00+07:00', '2026-02-23T01:00:00.000Z', '2026-02-13T10:00:00.000Z'],
  ])('%s', (_label, start, forward, backward) => {
    expect(iso(addBusinessSeconds(at(start), 0, VN))).toBe(forward);
    expect(iso(addBusinessMinutes(at(start), 0, VN))).toBe(forward);
    expect(iso(addBusinessDays(at(start), 0, VN))).toBe(forward);
    expect(iso(subtractBusinessSeconds(at(start), 0, VN))).toBe(backward);
    expect(iso(subtractBusinessMinutes(at(start), 0, VN))).toBe(backward);
    expect(iso(subtractBusinessDays(at(start), 0, VN))).toBe(backward);
  });

  it('subtracts what addBusinessSeconds adds with a negative amount, and the other way round', () => {
    const start = at('2026-03-16T08:30:00+07:00');
    expect(iso(subtractBusinessMinutes(start, 60, VN))).toBe('2026-03-13T09:30:00.000Z');
    expect(iso(subtractBusinessMinutes(start, -60, VN))).toBe(
      iso(addBusinessMinutes(start, 60, VN)),
    );
    expect(iso(subtractBusinessDays(at('2026-03-03T10:00:00+07:00'), 1, VN))).toBe(
      '2026-03-02T03:00:00.000Z',
    );
  });
});

describe('addBusinessDays', () => {
  // The n-th business day after the start's local date (that date never counts), at the start's
  // time of day, clamped into that day's [first open, last close].
  it.each([
    ['inside hours', '2026-03-02T10:00:00+07:00', 1, '2026-03-03T03:00:00.000Z'],
    ['Friday to Monday', '2026-03-13T10:00:00+07:00', 1, '2026-03-16T03:00:00.000Z'],
    [
      'Friday 20:00: Monday, clamped to its close',
      '2026-03-13T20:00:00+07:00',
      1,
      '2026-03-16T10:00:00.000Z',
    ],
    ['Saturday 10:00: Monday 10:00', '2026-03-14T10:00:00+07:00', 1, '2026-03-16T03:00:00.000Z'],
    ['Sunday 23:00: Monday 17:00', '2026-03-15T23:00:00+07:00', 1, '2026-03-16T10:00:00.000Z'],
    [
      'after closing: the next day, clamped to its close',
      '2026-03-02T18:00:00+07:00',
      1,
      '2026-03-03T10:00:00.000Z',
    ],
    [
      'before opening: the next day, clamped to its opening',
      '2026-03-02T06:00:00+07:00',
      1,
      '2026-03-03T01:00:00.000Z',
    ],
    ['during lunch: the time is kept', '2026-03-02T12:30:00+07:00', 1, '2026-03-03T05:30:00.000Z'],
    ['over Tết', '2026-02-13T10:00:00+07:00', 1, '2026-02-23T03:00:00.000Z'],
    [
      'Friday 20:00 before Tết: the first day after it, at its close',
      '2026-02-13T20:00:00+07:00',
      1,
      '2026-02-23T10:00:00.000Z',
    ],
    ['onto a swapped Saturday', '2026-02-27T10:00:00+07:00', 1, '2026-02-28T03:00:00.000Z'],
    [
      'onto a shortened day: clamped to its close',
      '2026-03-03T15:00:00+07:00',
      1,
      '2026-03-04T05:00:00.000Z',
    ],
    [
      'over a closed day and a holiday opened in the afternoon',
      '2026-03-04T10:00:00+07:00',
      1,
      '2026-03-06T06:00:00.000Z',
    ],
    ['n = 0 is the next open instant', '2026-03-14T10:00:00+07:00', 0, '2026-03-16T01:00:00.000Z'],
    ['ten days', '2026-03-09T09:00:00+07:00', 10, '2026-03-23T02:00:00.000Z'],
    ['backwards', '2026-03-03T10:00:00+07:00', -1, '2026-03-02T03:00:00.000Z'],
    [
      'backwards from Saturday: Friday at the same time',
      '2026-03-14T10:00:00+07:00',
      -1,
      '2026-03-13T03:00:00.000Z',
    ],
    [
      'backwards from Monday 06:00: Friday at its opening',
      '2026-03-16T06:00:00+07:00',
      -1,
      '2026-03-13T01:00:00.000Z',
    ],
    ['backwards over Tết', '2026-02-23T10:00:00+07:00', -1, '2026-02-13T03:00:00.000Z'],
    ['backwards ten days', '2026-03-23T09:00:00+07:00', -10, '2026-03-09T02:00:00.000Z'],
  ])('%s', (_label, start, n, expected) => {
    expect(iso(addBusinessDays(at(start), n, VN))).toBe(expected);
  });

  it('keeps local time across DST', () => {
    // Friday 10:00 EST → Monday 10:00 EDT.
    expect(iso(addBusinessDays(at('2026-03-06T15:00:00Z'), 1, NY_OFFICE))).toBe(
      '2026-03-09T14:00:00.000Z',
    );
    // New York's Sunday 01:00–03:00 is a business day: 10:00 is clamped to its close, 03:00 EDT.
    expect(iso(addBusinessDays(at('2026-03-06T15:00:00Z'), 1, NEW_YORK))).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    // London Friday 10:00 BST → Sunday (open all day) 10:00 GMT.
    expect(iso(addBusinessDays(at('2026-10-23T09:00:00Z'), 1, LONDON))).toBe(
      '2026-10-25T10:00:00.000Z',
    );
  });

  it('rejects fractional days', () => {
    expect(() => addBusinessDays(at('2026-03-02T00:00:00Z'), 1.5, VN)).toThrow(/integer/);
  });
});

describe('endOfBusinessDay', () => {
  // 24:00 local (00:00 of the next date, UTC+7 → 17:00Z) of the n-th business day after the date.
  it.each([
    ['the next business day', '2026-03-09T10:00:00+07:00', 1, '2026-03-10T17:00:00.000Z'],
    ['late in the day counts the same', '2026-03-09T23:30:00+07:00', 1, '2026-03-10T17:00:00.000Z'],
    ['n = 0 on a business day', '2026-03-09T10:00:00+07:00', 0, '2026-03-09T17:00:00.000Z'],
    ['n = 0 on Saturday is Monday', '2026-03-14T10:00:00+07:00', 0, '2026-03-16T17:00:00.000Z'],
    [
      'a day open only in the afternoon counts',
      '2026-03-05T10:00:00+07:00',
      1,
      '2026-03-06T17:00:00.000Z',
    ],
    // 7 working days from Friday 13 Feb: 23–27 Feb, the swapped Saturday 28 Feb, Monday 2 March.
    ['seven days over Tết', '2026-02-13T15:00:00+07:00', 7, '2026-03-02T17:00:00.000Z'],
  ])('%s', (_label, start, n, expected) => {
    expect(iso(endOfBusinessDay(at(start), n, VN))).toBe(expected);
  });

  it('ends at local midnight across DST', () => {
    // New York, Friday 6 March 2026 (EST) + 1: Sunday 8 March is open 01:00–03:00 (EDT from
    // 03:00); its end is Monday 00:00 EDT = 04:00Z.
    expect(iso(endOfBusinessDay(at('2026-03-06T15:00:00Z'), 1, NEW_YORK))).toBe(
      '2026-03-09T04:00:00.000Z',
    );
  });
});

describe('closeOfBusiness', () => {
  it.each([
    ['n = 0 on a business day', '2026-03-02T10:00:00+07:00', 0, '2026-03-02T10:00:00.000Z'],
    [
      'n = 0 after closing is still that day',
      '2026-03-02T18:00:00+07:00',
      0,
      '2026-03-02T10:00:00.000Z',
    ],
    ['local date, not UTC date', '2026-03-02T18:00:00Z', 0, '2026-03-03T10:00:00.000Z'],
    ['n = 0 on Saturday is Monday', '2026-03-14T10:00:00+07:00', 0, '2026-03-16T10:00:00.000Z'],
    ['n = 1 on Saturday is Monday', '2026-03-14T10:00:00+07:00', 1, '2026-03-16T10:00:00.000Z'],
    ['third business day after Monday', '2026-03-09T10:00:00+07:00', 3, '2026-03-12T10:00:00.000Z'],
    [
      'third business day after Saturday',
      '2026-03-14T10:00:00+07:00',
      3,
      '2026-03-18T10:00:00.000Z',
    ],
    ['shortened day closes at noon', '2026-03-03T10:00:00+07:00', 1, '2026-03-04T05:00:00.000Z'],
    ['over Tết', '2026-02-13T10:00:00+07:00', 1, '2026-02-23T10:00:00.000Z'],
    ['swapped Saturday counts', '2026-02-27T10:00:00+07:00', 1, '2026-02-28T10:00:00.000Z'],
    ['n = −1', '2026-03-09T10:00:00+07:00', -1, '2026-03-06T10:00:00.000Z'],
    [
      'n = −1 skips the closed Thursday',
      '2026-03-06T10:00:00+07:00',
      -1,
      '2026-03-04T05:00:00.000Z',
    ],
    ['fifteen business days', '2026-03-09T10:00:00+07:00', 15, '2026-03-30T10:00:00.000Z'],
  ])('%s', (_label, start, n, expected) => {
    expect(iso(closeOfBusiness(at(start), n, VN))).toBe(expected);
  });

  it('uses the zone of a DST calendar', () => {
    expect(iso(closeOfBusiness(at('2026-03-06T15:00:00Z'), 1, NY_OFFICE))).toBe(
      '2026-03-09T21:00:00.000Z',
    );
    expect(iso(closeOfBusiness(at('2026-03-06T15:00:00Z'), 1, NEW_YORK))).toBe(
      '2026-03-08T07:00:00.000Z',
    );
  });
});

describe('calendar time', () => {
  it.each([
    [
      'a day across spring forward keeps 12:00',
      '2026-03-07T17:00:00Z',
      1,
      '2026-03-08T16:00:00.000Z',
    ],
    [
      'a day onto a skipped time moves past the gap',
      '2026-03-07T07:30:00Z',
      1,
      '2026-03-08T07:30:00.000Z',
    ],
    ['a day across fall back keeps 12:00', '2026-10-31T16:00:00Z', 1, '2026-11-01T17:00:00.000Z'],
    ['backwards', '2026-03-09T16:00:00Z', -2, '2026-03-07T17:00:00.000Z'],
  ])('addCalendarDays: %s', (_label, start, days, expected) => {
    expect(iso(addCalendarDays(at(start), days, NEW_YORK))).toBe(expected);
  });

  it('adds weeks and minutes', () => {
    expect(iso(addCalendarWeeks(at('2026-03-01T17:00:00Z'), 1, NEW_YORK))).toBe(
      '2026-03-08T16:00:00.000Z',
    );
    expect(iso(addCalendarMinutes(at('2026-03-08T06:30:00Z'), 60))).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(iso(addCalendarDays(at('2026-03-02T10:00:00Z'), 30, VN))).toBe(
      '2026-04-01T10:00:00.000Z',
    );
  });
});

describe('parseBusinessCalendar', () => {
  const valid = {
    timeZone: 'Asia/Ho_Chi_Minh',
    weeklyHours: { mon: OFFICE, tue: OFFICE, sun: [] },
    holidays: ['2026-02-17', '2026-01-01', '2026-01-01'],
    dateHours: { '2026-02-28': [['08:00', '12:00']] },
  };

  it('accepts a valid calendar, filling missing days and sorting holidays', () => {
    const result = parseBusinessCalendar(valid);
    expect(result).toEqual({
      ok: true,
      calendar: {
        timeZone: 'Asia/Ho_Chi_Minh',
        weeklyHours: { mon: OFFICE, tue: OFFICE, wed: [], thu: [], fri: [], sat: [], sun: [] },
        holidays: ['2026-01-01', '2026-02-17'],
        dateHours: { '2026-02-28': [['08:00', '12:00']] },
      },
    });
  });

  it('accepts 24:00 as an end', () => {
    expect(parseBusinessCalendar({ ...valid, weeklyHours: { sun: [['22:00', '24:00']] } }).ok).toBe(
      true,
    );
  });

  it.each([
    ['not an object', [], ''],
    ['unknown key', { ...valid, holiday: [] }, 'holiday'],
    ['bad zone', { ...valid, timeZone: 'Asia/Saigonn' }, 'timeZone'],
    ['offset instead of zone', { ...valid, timeZone: '+07:00' }, 'timeZone'],
    ['missing weeklyHours', { timeZone: 'UTC' }, 'weeklyHours'],
    ['unknown weekday', { ...valid, weeklyHours: { monday: [] } }, 'weeklyHours.monday'],
    [
      'bad HH:MM',
      {
        ...valid,
        weeklyHours: {
          mon: [
            ['08:00', '12:00'],
            ['13:00', '17:60'],
          ],
        },
      },
      'weeklyHours.mon[1]',
    ],
    ['start 24:00', { ...valid, weeklyHours: { mon: [['24:00', '24:00']] } }, 'weeklyHours.mon[0]'],
    [
      'single digit hour',
      { ...valid, weeklyHours: { tue: [['8:00', '12:00']] } },
      'weeklyHours.tue[0]',
    ],
    [
      'start after end',
      { ...valid, weeklyHours: { wed: [['12:00', '08:00']] } },
      'weeklyHours.wed[0]',
    ],
    [
      'empty period',
      { ...valid, weeklyHours: { wed: [['08:00', '08:00']] } },
      'weeklyHours.wed[0]',
    ],
    [
      'overlap',
      {
        ...valid,
        weeklyHours: {
          thu: [
            ['08:00', '12:00'],
            ['11:00', '17:00'],
          ],
        },
      },
      'weeklyHours.thu[1]',
    ],
    [
      'unsorted',
      {
        ...valid,
        weeklyHours: {
          fri: [
            ['13:00', '17:00'],
            ['08:00', '12:00'],
          ],
        },
      },
      'weeklyHours.fri[1]',
    ],
    ['not a pair', { ...valid, weeklyHours: { sat: [['08:00']] } }, 'weeklyHours.sat[0]'],
    ['periods not an array', { ...valid, weeklyHours: { sun: 'closed' } }, 'weeklyHours.sun'],
    ['bad holiday', { ...valid, holidays: ['2026-01-01', '2026-02-30'] }, 'holidays[1]'],
    ['holidays not an array', { ...valid, holidays: '2026-01-01' }, 'holidays'],
    ['bad dateHours key', { ...valid, dateHours: { '2026-13-01': [] } }, 'dateHours.2026-13-01'],
    [
      'bad dateHours period',
      { ...valid, dateHours: { '2026-02-28': [['08:00', '25:00']] } },
      'dateHours.2026-02-28[0]',
    ],
  ])('rejects %s', (_label, json, field) => {
    const result = parseBusinessCalendar(json);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.field).toBe(field);
      expect(result.message.length).toBeGreaterThan(5);
    }
  });
});

// -------------------------------------------------------------------------------------------
// Properties

const CALENDARS: BusinessCalendar[] = [VN, NEW_YORK, LONDON];
const calendarArb = fc.constantFrom(...CALENDARS);
/** Minute-aligned instants in 2025–2027. */
const instantArb = fc
  .integer({ min: Date.UTC(2025, 0, 1) / 60_000, max: Date.UTC(2027, 11, 31) / 60_000 })
  .map((m) => new Date(m * 60_000));

describe('properties', () => {
  it('adding N business minutes from an open instant measures N × 60 seconds and reverses', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.integer({ min: 1, max: 200_000 }),
        (calendar, t, n) => {
          const start = nextOpenInstant(t, calendar);
          const end = addBusinessMinutes(start, n, calendar);
          expect(businessSecondsBetween(start, end, calendar)).toBe(n * 60);
          expect(iso(addBusinessMinutes(end, -n, calendar))).toBe(iso(start));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('businessSecondsBetween is additive', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, instantArb, instantArb, (calendar, a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        expect(
          businessSecondsBetween(x, y, calendar) + businessSecondsBetween(y, z, calendar),
        ).toBe(businessSecondsBetween(x, z, calendar));
      }),
      { numRuns: 200 },
    );
  });
});

// A deliberately naive reference: read each minute's wall clock through Intl and test the period
// strings directly. Its DST semantics ("open while the wall clock reads inside a period") equal the
// real-time semantics as long as no period edge lies in a DST transition window, so the random
// calendars below keep New York edges at or after 03:00.
const referenceParts = new Map<string, Intl.DateTimeFormat>();
function wallClock(zone: string, t: number): { date: string; minute: number } {
  let f = referenceParts.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    referenceParts.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function naiveIsOpen(calendar: BusinessCalendar, t: number): boolean {
  const { date, minute } = wallClock(calendar.timeZone, t);
  const names: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  const weekday = names[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? 'sun';
  const periods =
    calendar.dateHours[date] ??
    (calendar.holidays.includes(date) ? [] : calendar.weeklyHours[weekday]);
  const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  return periods.some(([s, e]) => minute >= toMin(s) && minute < toMin(e));
}

function naiveAdd(calendar: BusinessCalendar, start: number, minutes: number): number {
  let t = start;
  for (let counted = 0; counted < minutes; t += 60_000) if (naiveIsOpen(calendar, t)) counted += 1;
  return t;
}

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const periodsArb = fc
  .uniqueArray(fc.integer({ min: 36, max: 96 }), { minLength: 0, maxLength: 4 })
  .map((cuts): Period[] => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const out: Period[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2)
      out.push([hhmm((sorted[i] ?? 0) * 15), hhmm((sorted[i + 1] ?? 0) * 15)]);
    return out;
  });
const randomCalendarArb = fc
  .record({
    timeZone: fc.constantFrom('Asia/Ho_Chi_Minh', 'America/New_York', 'Europe/London'),
    days: fc.array(periodsArb, { minLength: 7, maxLength: 7 }),
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { maxLength: 4 }),
    overrides: fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), periodsArb), { maxLength: 3 }),
  })
  .filter(({ days }) => days.some((d) => d.length > 0))
  .map(({ timeZone, days, holidays, overrides }): BusinessCalendar => {
    // Holidays and overrides fall within three weeks after 2026-03-01, the window the test uses.
    const date = (offset: number) =>
      new Date(Date.UTC(2026, 2, 1 + offset)).toISOString().slice(0, 10);
    const [mon = [], tue = [], wed = [], thu = [], fri = [], sat = [], sun = []] = days;
    return {
      timeZone,
      weeklyHours: { mon, tue, wed, thu, fri, sat, sun },
      holidays: holidays.map(date),
      dateHours: Object.fromEntries(overrides.map(([d, p]) => [date(d), p])),
    };
  });

describe('against a naive minute-by-minute reference', () => {
  // 2026-03-01 to 2026-03-22 spans the New York spring-forward Sunday (8 March).
  const startArb = fc.integer({
    min: Date.UTC(2026, 2, 1) / 60_000,
    max: Date.UTC(2026, 2, 8, 12) / 60_000,
  });

  it('addBusinessMinutes and businessSecondsBetween match', () => {
    fc.assert(
      fc.property(
        randomCalendarArb,
        startArb,
        fc.integer({ min: 1, max: 600 }),
        (calendar, startMinute, n) => {
          const start = startMinute * 60_000;
          const expected = naiveAdd(calendar, start, n);
          expect(iso(addBusinessMinutes(new Date(start), n, calendar))).toBe(
            iso(new Date(expected)),
          );
          const to = start + n * 10 * 60_000;
          let openMinutes = 0;
          for (let t = start; t < to; t += 60_000) if (naiveIsOpen(calendar, t)) openMinutes += 1;
          expect(businessSecondsBetween(new Date(start), new Date(to), calendar)).toBe(
            openMinutes * 60,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('nextOpenInstant matches', () => {
    fc.assert(
      fc.property(randomCalendarArb, startArb, (calendar, startMinute) => {
        let t = startMinute * 60_000;
        while (!naiveIsOpen(calendar, t)) t += 60_000;
        expect(iso(nextOpenInstant(new Date(startMinute * 60_000), calendar))).toBe(
          iso(new Date(t)),
        );
      }),
      { numRuns: 60 },
    );
  });
});
