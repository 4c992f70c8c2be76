import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessSecondsBetween, type BusinessCalendar, type Period } from './business-calendar.ts';
import {
  consumed,
  describeTarget,
  dueAfter,
  dueWithPauses,
  durationUnits,
  instantAtShare,
  maxTargetAmount,
  validateTarget,
  type DurationUnit,
  type OpenPause,
  type Target,
} from './durations.ts';

const OFFICE: Period[] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];

/** Hà Nội office, Mon–Fri with a lunch break; 30 Apr and 1 May 2026 (Thu, Fri) are holidays. */
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
  holidays: ['2026-04-30', '2026-05-01'],
  dateHours: {},
};

const LONDON: BusinessCalendar = { ...VN, timeZone: 'Europe/London', holidays: [] };

/** Local Hà Nội wall time "YYYY-MM-DD HH:MM" (UTC+7, no DST) as an instant. */
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);
const t = (amount: number, unit: DurationUnit): Target => ({ amount, unit });
const pause = (from: string, to?: string): OpenPause => ({
  from: vn(from),
  to: to === undefined ? undefined : vn(to),
});

// 2026-03-02 is a Monday; 2026-03-06 a Friday; 2026-04-28 a Tuesday before the two holidays.
describe('dueAfter', () => {
  it.each([
    [
      'business minutes across lunch',
      '2026-03-02 11:00',
      t(90, 'business_minutes'),
      '2026-03-02 13:30',
    ],
    [
      'business hours ending after lunch',
      '2026-03-02 09:00',
      t(4, 'business_hours'),
      '2026-03-02 14:00',
    ],
    [
      'business hours over a weekend',
      '2026-03-06 15:00',
      t(8, 'business_hours'),
      '2026-03-09 15:00',
    ],
    [
      'business hours ending exactly at lunch',
      '2026-03-02 09:00',
      t(3, 'business_hours'),
      '2026-03-02 12:00',
    ],
    ['business days skip holidays', '2026-04-28 10:00', t(3, 'business_days'), '2026-05-05 10:00'],
    // The Saturday does not count; the first business day after it, at the same time of day.
    [
      'business days from a Saturday',
      '2026-03-07 10:00',
      t(1, 'business_days'),
      '2026-03-09 10:00',
    ],
    [
      'business days from Friday evening: the counted day, at its close',
      '2026-03-06 20:00',
      t(1, 'business_days'),
      '2026-03-09 17:00',
    ],
    [
      'calendar days ignore holidays',
      '2026-04-28 10:00',
      t(3, 'calendar_days'),
      '2026-05-01 10:00',
    ],
    ['calendar weeks', '2026-03-02 10:00', t(8, 'calendar_weeks'), '2026-04-27 10:00'],
    ['calendar hours', '2026-03-06 16:00', t(24, 'calendar_hours'), '2026-03-07 16:00'],
    ['calendar minutes', '2026-03-06 23:50', t(30, 'calendar_minutes'), '2026-03-07 00:20'],
    // FCA DISP 1.5: by close of business on the third business day after the day of receipt.
    [
      'close of business, received Friday 16:00',
      '2026-03-06 16:00',
      t(3, 'close_of_business_days'),
      '2026-03-11 17:00',
    ],
    [
      'close of business, received on a Saturday',
      '2026-03-07 10:00',
      t(3, 'close_of_business_days'),
      '2026-03-11 17:00',
    ],
    [
      'close of business across holidays',
      '2026-04-29 09:00',
      t(1, 'close_of_business_days'),
      '2026-05-04 17:00',
    ],
  ])('%s', (_name, start, target, expected) => {
    expect(dueAfter(vn(start), target, VN).toISOString()).toBe(vn(expected).toISOString());
  });

  it('keeps the wall-clock time across a DST change for calendar days', () => {
    // Europe/London springs forward on Sunday 29 March 2026: the day has 23 hours.
    const due = dueAfter(new Date('2026-03-28T12:00:00Z'), t(1, 'calendar_days'), LONDON);
    expect(due.toISOString()).toBe('2026-03-29T11:00:00.000Z');
    expect(
      consumed(new Date('2026-03-28T12:00:00Z'), due, t(1, 'calendar_days'), LONDON, []),
    ).toEqual({
      elapsedSeconds: 23 * 3600,
      totalSeconds: 23 * 3600,
    });
  });

  it.each([t(0, 'business_days'), t(-1, 'calendar_days'), t(1.5, 'business_hours')])(
    'rejects the invalid target %j',
    (target) => {
      expect(() => dueAfter(vn('2026-03-02 09:00'), target, VN)).toThrow(RangeError);
    },
  );
});

describe('dueWithPauses', () => {
  const start = '2026-03-02 09:00'; // Monday; 4 business hours are due at 14:00
  it.each([
    ['no pauses', start, t(4, 'business_hours'), [], '2026-03-02 14:00'],
    [
      'a pause extends by the paused business time',
      start,
      t(4, 'business_hours'),
      [pause('2026-03-02 10:00', '2026-03-02 11:30')],
      '2026-03-02 15:30',
    ],
    [
      'a pause over lunch adds nothing',
      start,
      t(4, 'business_hours'),
      [pause('2026-03-02 12:00', '2026-03-02 13:00')],
      '2026-03-02 14:00',
    ],
    [
      'overlapping pauses count once',
      start,
      t(4, 'business_hours'),
      [
        pause('2026-03-02 10:00', '2026-03-02 11:00'),
        pause('2026-03-02 10:30', '2026-03-02 11:30'),
      ],
      '2026-03-02 15:30',
    ],
    [
      'only the part after the start counts',
      start,
      t(4, 'business_hours'),
      [pause('2026-03-02 08:00', '2026-03-02 10:00')],
      '2026-03-02 15:00',
    ],
    [
      'a pause wholly before the start adds nothing',
      start,
      t(4, 'business_hours'),
      [pause('2026-03-01 08:00', '2026-03-02 09:00')],
      '2026-03-02 14:00',
    ],
    [
      'a pause extending past the due',
      start,
      t(4, 'business_hours'),
      [pause('2026-03-02 13:00', '2026-03-03 09:00')],
      '2026-03-03 10:00',
    ],
    [
      'an open pause after the due changes nothing',
      start,
      t(4, 'business_hours'),
      [pause('2026-03-02 15:00')],
      '2026-03-02 14:00',
    ],
    [
      'a pause over a weekend adds nothing',
      '2026-03-06 15:00',
      t(8, 'business_hours'),
      [pause('2026-03-06 17:30', '2026-03-09 07:30')],
      '2026-03-09 15:00',
    ],
    [
      'a pause across a weekend counts its open time only',
      '2026-03-06 15:00',
      t(8, 'business_hours'),
      [pause('2026-03-06 16:00', '2026-03-09 09:00')],
      '2026-03-09 17:00',
    ],
    [
      'a pause on a holiday adds nothing',
      '2026-04-28 10:00',
      t(3, 'business_days'),
      [pause('2026-04-30 00:00', '2026-05-01 23:00')],
      '2026-05-05 10:00',
    ],
    [
      'business days extended by paused time',
      '2026-04-28 10:00',
      t(3, 'business_days'),
      [pause('2026-04-29 10:00', '2026-04-29 11:00')],
      '2026-05-05 11:00',
    ],
    [
      'calendar days extend by paused wall time',
      '2026-04-28 10:00',
      t(3, 'calendar_days'),
      [pause('2026-04-29 10:00', '2026-04-30 16:00')],
      '2026-05-02 16:00',
    ],
    [
      'calendar pause extending past the due',
      '2026-03-06 16:00',
      t(24, 'calendar_hours'),
      [pause('2026-03-07 10:00', '2026-03-08 10:00')],
      '2026-03-08 16:00',
    ],
    [
      'close of business then the paused business time',
      '2026-03-06 16:00',
      t(3, 'close_of_business_days'),
      [pause('2026-03-09 08:00', '2026-03-09 10:00')],
      '2026-03-12 10:00',
    ],
    [
      'close of business, pause on the weekend',
      '2026-03-06 16:00',
      t(3, 'close_of_business_days'),
      [pause('2026-03-07 08:00', '2026-03-08 18:00')],
      '2026-03-11 17:00',
    ],
  ])('%s', (_name, from, target, pauses, expected) => {
    expect(dueWithPauses(vn(from), target, VN, pauses)?.toISOString()).toBe(
      vn(expected).toISOString(),
    );
  });

  it.each([
    ['business', t(4, 'business_hours')],
    ['calendar', t(2, 'calendar_days')],
    ['close of business', t(3, 'close_of_business_days')],
  ])('has no due while an open pause began before it (%s)', (_name, target) => {
    expect(dueWithPauses(vn(start), target, VN, [pause('2026-03-02 10:00')])).toBeUndefined();
  });

  it('rejects a pause that ends before it starts', () => {
    expect(() =>
      dueWithPauses(vn(start), t(1, 'business_hours'), VN, [
        pause('2026-03-02 11:00', '2026-03-02 10:00'),
      ]),
    ).toThrow(RangeError);
  });
});

describe('consumed', () => {
  it.each([
    ['business time so far', '2026-03-02 13:30', t(4, 'business_hours'), [], 3.5 * 3600, 4 * 3600],
    [
      'minus a closed pause',
      '2026-03-02 13:30',
      t(4, 'business_hours'),
      [pause('2026-03-02 10:00', '2026-03-02 11:00')],
      2.5 * 3600,
      4 * 3600,
    ],
    [
      'an open pause counts up to now',
      '2026-03-02 13:30',
      t(4, 'business_hours'),
      [pause('2026-03-02 10:00')],
      3600,
      4 * 3600,
    ],
    [
      'overdue exceeds the total',
      '2026-03-03 09:00',
      t(4, 'business_hours'),
      [],
      8 * 3600,
      4 * 3600,
    ],
    ['nothing before the start', '2026-03-02 08:00', t(4, 'business_hours'), [], 0, 4 * 3600],
    [
      'business days in business seconds',
      '2026-03-02 17:00',
      t(2, 'business_days'),
      [],
      7 * 3600,
      16 * 3600,
    ],
    [
      'calendar weeks in wall seconds',
      '2026-03-03 09:00',
      t(8, 'calendar_weeks'),
      [],
      86_400,
      8 * 7 * 86_400,
    ],
    [
      'close of business in business seconds',
      '2026-03-02 17:00',
      t(1, 'close_of_business_days'),
      [],
      7 * 3600,
      15 * 3600,
    ],
  ])('%s', (_name, at, target, pauses, elapsed, total) => {
    expect(consumed(vn('2026-03-02 09:00'), vn(at), target, VN, pauses)).toEqual({
      elapsedSeconds: elapsed,
      totalSeconds: total,
    });
  });
});

describe('instantAtShare', () => {
  const start = vn('2026-03-02 09:00');
  it.each([
    ['75% of 4 business hours', t(4, 'business_hours'), [], 75, '2026-03-02 12:00'],
    ['50% of 4 business hours', t(4, 'business_hours'), [], 50, '2026-03-02 11:00'],
    [
      '75% with a pause',
      t(4, 'business_hours'),
      [pause('2026-03-02 09:30', '2026-03-02 10:30')],
      75,
      '2026-03-02 14:00',
    ],
    ['75% of 4 calendar days', t(4, 'calendar_days'), [], 75, '2026-03-05 09:00'],
    ['0% is the start', t(4, 'calendar_days'), [], 0, '2026-03-02 09:00'],
    ['100% is the due', t(2, 'business_days'), [], 100, '2026-03-04 09:00'],
  ])('%s', (_name, target, pauses, percent, expected) => {
    expect(instantAtShare(start, target, VN, pauses, percent)?.toISOString()).toBe(
      vn(expected).toISOString(),
    );
  });

  it('is undefined when an open pause began before that share', () => {
    const open = [pause('2026-03-02 10:00')];
    expect(instantAtShare(start, t(4, 'business_hours'), VN, open, 75)).toBeUndefined();
    expect(instantAtShare(start, t(4, 'business_hours'), VN, open, 20)?.toISOString()).toBe(
      vn('2026-03-02 09:48').toISOString(),
    );
  });

  it('rejects a negative share', () => {
    expect(() => instantAtShare(start, t(4, 'business_hours'), VN, [], -1)).toThrow(RangeError);
  });
});

describe('validateTarget', () => {
  it.each([
    [{ amount: 7, unit: 'business_days' }, undefined],
    [{ amount: 10_000, unit: 'business_minutes' }, undefined],
    [{ amount: 520, unit: 'calendar_weeks' }, undefined],
    [{ amount: 521, unit: 'calendar_weeks' }, 'field.too_big_number'],
    [{ amount: 10_001, unit: 'calendar_days' }, 'field.too_big_number'],
    [{ amount: 0, unit: 'business_days' }, 'field.too_small_number'],
    [{ amount: -3, unit: 'business_days' }, 'field.too_small_number'],
    [{ amount: 0.5, unit: 'business_days' }, 'field.too_small_number'],
    [{ amount: 1.5, unit: 'business_days' }, 'field.invalid'],
    [{ amount: Infinity, unit: 'business_days' }, 'field.invalid'],
    [{ amount: Number.NaN, unit: 'business_days' }, 'field.invalid_type'],
    [{ amount: '7', unit: 'business_days' }, 'field.invalid_type'],
    [{ amount: 7, unit: 'fortnights' }, 'field.invalid_option'],
    [{ amount: 7, unit: undefined }, 'field.invalid_option'],
  ])('%j → %s', (target, expected) => {
    expect(validateTarget(target)).toBe(expected);
  });

  it('names the limit of each unit', () => {
    expect(maxTargetAmount('calendar_weeks')).toBe(520);
    expect(maxTargetAmount('business_minutes')).toBe(10_000);
  });
});

describe('describeTarget', () => {
  it.each([
    [t(7, 'business_days'), 'vi', '7 ngày làm việc'],
    [t(8, 'calendar_weeks'), 'en', '8 weeks'],
    [t(3, 'close_of_business_days'), 'zh', '3个工作日结束前'],
    [t(1, 'business_days'), 'en', '1 business day'],
    [t(30, 'business_minutes'), 'en', '30 business minutes'],
    [t(24, 'calendar_hours'), 'en', '24 hours'],
    [t(30, 'calendar_days'), 'zh', '30个自然日'],
    [t(15, 'business_days'), 'zh', '15个工作日'],
    [t(3, 'close_of_business_days'), 'en', 'close of business on the 3rd business day'],
    [t(1, 'close_of_business_days'), 'en', 'close of business on the 1st business day'],
    [t(2, 'close_of_business_days'), 'en', 'close of business on the 2nd business day'],
    [t(11, 'close_of_business_days'), 'en', 'close of business on the 11th business day'],
    [t(22, 'close_of_business_days'), 'en', 'close of business on the 22nd business day'],
    [t(113, 'close_of_business_days'), 'en', 'close of business on the 113th business day'],
    [t(3, 'close_of_business_days'), 'vi', 'hết ngày làm việc thứ 3'],
    [t(60, 'calendar_days'), 'vi', '60 ngày'],
  ] as const)('%j in %s → %s', (target, lang, expected) => {
    expect(describeTarget(target, lang)).toBe(expected);
  });

  it('words every unit in every language, with its amount', () => {
    for (const unit of durationUnits) {
      const texts = (['vi', 'en', 'zh'] as const).map((lang) => describeTarget(t(17, unit), lang));
      for (const text of texts) expect(text).toContain('17');
      expect(new Set(texts).size).toBe(3);
    }
  });
});

describe('properties', () => {
  const BASE = vn('2026-03-02 00:00').getTime();
  const MINUTE = 60_000;
  const businessTargets = fc.oneof(
    fc.integer({ min: 1, max: 3000 }).map((n) => t(n, 'business_minutes')),
    fc.integer({ min: 1, max: 60 }).map((n) => t(n, 'business_hours')),
    fc.integer({ min: 1, max: 15 }).map((n) => t(n, 'business_days')),
    fc.integer({ min: 1, max: 10 }).map((n) => t(n, 'close_of_business_days')),
  );
  const calendarTargets = fc.oneof(
    fc.integer({ min: 1, max: 5000 }).map((n) => t(n, 'calendar_minutes')),
    fc.integer({ min: 1, max: 200 }).map((n) => t(n, 'calendar_hours')),
    fc.integer({ min: 1, max: 40 }).map((n) => t(n, 'calendar_days')),
    fc.integer({ min: 1, max: 6 }).map((n) => t(n, 'calendar_weeks')),
  );
  const startArb = fc
    .integer({ min: 0, max: 70 * 24 * 60 })
    .map((m) => new Date(BASE + m * MINUTE));
  const pausesArb = fc.array(
    fc.record({
      offset: fc.integer({ min: -3000, max: 40_000 }),
      length: fc.integer({ min: 0, max: 6000 }),
    }),
    { maxLength: 6 },
  );
  const toPauses = (start: Date, raw: { offset: number; length: number }[]) =>
    raw.map(({ offset, length }) => {
      const from = start.getTime() + offset * MINUTE;
      return { from: new Date(from), to: new Date(from + length * MINUTE) };
    });

  it('business units: the due leaves exactly the target of unpaused business time', () => {
    fc.assert(
      fc.property(startArb, businessTargets, pausesArb, (start, target, raw) => {
        const pauses = toPauses(start, raw);
        const due = dueWithPauses(start, target, VN, pauses);
        expect(due).toBeDefined();
        if (due === undefined) return;
        const total = consumed(start, dueAfter(start, target, VN), target, VN, []).totalSeconds;
        expect(businessSecondsBetween(start, due, VN, pauses)).toBeCloseTo(total, 3);
        expect(due.getTime()).toBeGreaterThanOrEqual(dueAfter(start, target, VN).getTime());
        if (target.unit === 'business_minutes' || target.unit === 'business_hours') {
          // …and it is the earliest such instant.
          const before = new Date(due.getTime() - 1000);
          expect(businessSecondsBetween(start, before, VN, pauses)).toBeLessThan(total);
        }
      }),
    );
  });

  it('calendar units: the due leaves exactly the target of unpaused wall time', () => {
    fc.assert(
      fc.property(startArb, calendarTargets, pausesArb, (start, target, raw) => {
        const pauses = toPauses(start, raw);
        const due = dueWithPauses(start, target, VN, pauses);
        expect(due).toBeDefined();
        if (due === undefined) return;
        const { elapsedSeconds, totalSeconds } = consumed(start, due, target, VN, pauses);
        expect(elapsedSeconds).toBe(totalSeconds);
      }),
    );
  });

  it('the warning instant never comes after the due', () => {
    fc.assert(
      fc.property(
        startArb,
        fc.oneof(businessTargets, calendarTargets),
        pausesArb,
        fc.integer({ min: 0, max: 100 }),
        (start, target, raw, percent) => {
          const pauses = toPauses(start, raw);
          const warn = instantAtShare(start, target, VN, pauses, percent);
          const due = dueWithPauses(start, target, VN, pauses);
          expect(warn!.getTime()).toBeLessThanOrEqual(due!.getTime());
          expect(warn!.getTime()).toBeGreaterThanOrEqual(start.getTime());
        },
      ),
    );
  });
});
