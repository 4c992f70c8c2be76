import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, type BusinessCalendar, type Period } from './business-calendar.ts';
import {
  applyHolidaysToCalendar,
  generateVnHolidays,
  parseHolidayOverrides,
  type Holiday,
} from './vn-holidays.ts';

const OFFICE: Period[] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];
const MON_FRI = {
  mon: OFFICE,
  tue: OFFICE,
  wed: OFFICE,
  thu: OFFICE,
  fri: OFFICE,
  sat: [],
  sun: [],
};
const MON_SAT = { ...MON_FRI, sat: OFFICE };

const STATUTORY_2025: [string, string][] = [
  ['2025-01-01', 'Tết Dương lịch'],
  ['2025-01-28', 'Tết Âm lịch (ngày cuối năm)'],
  ['2025-01-29', 'Tết Âm lịch (mùng 1)'],
  ['2025-01-30', 'Tết Âm lịch (mùng 2)'],
  ['2025-01-31', 'Tết Âm lịch (mùng 3)'],
  ['2025-02-01', 'Tết Âm lịch (mùng 4)'],
  ['2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
  ['2025-04-30', 'Ngày Chiến thắng (30/4)'],
  ['2025-05-01', 'Ngày Quốc tế Lao động (1/5)'],
  ['2025-09-01', 'Quốc khánh (ngày liền kề)'],
  ['2025-09-02', 'Quốc khánh (2/9)'],
];

const STATUTORY_2026: [string, string][] = [
  ['2026-01-01', 'Tết Dương lịch'], // Thursday
  ['2026-02-16', 'Tết Âm lịch (ngày cuối năm)'], // Monday; Tết (lunar 1/1) is Tuesday 17 Feb
  ['2026-02-17', 'Tết Âm lịch (mùng 1)'],
  ['2026-02-18', 'Tết Âm lịch (mùng 2)'],
  ['2026-02-19', 'Tết Âm lịch (mùng 3)'],
  ['2026-02-20', 'Tết Âm lịch (mùng 4)'],
  ['2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'], // Sunday
  ['2026-04-30', 'Ngày Chiến thắng (30/4)'], // Thursday
  ['2026-05-01', 'Ngày Quốc tế Lao động (1/5)'], // Friday
  ['2026-09-01', 'Quốc khánh (ngày liền kề)'], // Tuesday
  ['2026-09-02', 'Quốc khánh (2/9)'], // Wednesday
];

const statutory = (rows: [string, string][]): Holiday[] =>
  rows.map(([date, name]) => ({ date, name, kind: 'statutory' }));
const sorted = (list: Holiday[]) => [...list].sort((a, b) => (a.date < b.date ? -1 : 1));

describe('generateVnHolidays', () => {
  it('2025, Monday–Friday: Tết mùng 4 on Saturday is compensated on Monday 3 February', () => {
    expect(generateVnHolidays(2025, { weeklyHours: MON_FRI })).toEqual(
      sorted([
        ...statutory(STATUTORY_2025),
        { date: '2025-02-03', name: 'Nghỉ bù Tết Âm lịch (mùng 4)', kind: 'compensatory' },
      ]),
    );
  });

  it('2025, Monday–Saturday: Saturday is a working day, so nothing is compensated', () => {
    expect(generateVnHolidays(2025, { weeklyHours: MON_SAT })).toEqual(statutory(STATUTORY_2025));
  });

  it.each([
    ['Monday–Friday', MON_FRI],
    ['Monday–Saturday', MON_SAT],
  ])(
    '2026, %s: Hùng Kings on Sunday 26 April is compensated on Monday 27 April',
    (_label, weeklyHours) => {
      expect(generateVnHolidays(2026, { weeklyHours })).toEqual(
        sorted([
          ...statutory(STATUTORY_2026),
          {
            date: '2026-04-27',
            name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
            kind: 'compensatory',
          },
        ]),
      );
    },
  );

  it('puts the National Day adjacent day after 2 September when asked', () => {
    const list = generateVnHolidays(2026, { weeklyHours: MON_FRI, sep2Adjacent: 'after' });
    expect(list.filter((h) => h.date.startsWith('2026-09'))).toEqual([
      { date: '2026-09-02', name: 'Quốc khánh (2/9)', kind: 'statutory' },
      { date: '2026-09-03', name: 'Quốc khánh (ngày liền kề)', kind: 'statutory' },
    ]);
  });

  it('2027: Tết over a weekend chains compensation past the other Tết days', () => {
    const list = generateVnHolidays(2027, { weeklyHours: MON_FRI });
    expect(list.filter((h) => h.kind === 'compensatory')).toEqual([
      { date: '2027-02-10', name: 'Nghỉ bù Tết Âm lịch (mùng 1)', kind: 'compensatory' },
      { date: '2027-02-11', name: 'Nghỉ bù Tết Âm lịch (mùng 2)', kind: 'compensatory' },
      { date: '2027-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động (1/5)', kind: 'compensatory' },
    ]);
  });

  it('follows the weekly hours, not a fixed weekend: closed on Mondays', () => {
    const tueSun = { ...MON_SAT, mon: [], sun: OFFICE };
    const list = generateVnHolidays(2025, { weeklyHours: tueSun });
    // Hùng Kings (Monday 7 April) → Tuesday; 1 September (Monday) → Wednesday, as 2 Sep is a holiday.
    expect(list.filter((h) => h.kind === 'compensatory').map((h) => h.date)).toEqual([
      '2025-04-08',
      '2025-09-03',
    ]);
  });

  it('applies overrides: additions, removals and swaps', () => {
    const list = generateVnHolidays(2025, {
      weeklyHours: MON_FRI,
      overrides: [
        {
          year: 2025,
          add: [
            { date: '2025-01-01', name: 'ignored: already a holiday' },
            { date: '2025-08-30', name: 'Nghỉ thêm' },
          ],
          remove: ['2025-02-03'],
          swaps: [{ dayOff: '2025-01-27', workday: '2025-02-08' }],
        },
        { year: 2026, add: [{ date: '2026-12-24', name: 'other year: ignored' }] },
      ],
    });
    expect(list.find((h) => h.date === '2025-01-01')?.name).toBe('Tết Dương lịch');
    expect(list.find((h) => h.date === '2025-02-03')).toBeUndefined();
    expect(list.find((h) => h.date === '2025-08-30')).toEqual({
      date: '2025-08-30',
      name: 'Nghỉ thêm',
      kind: 'override',
    });
    expect(list.find((h) => h.date === '2025-01-27')).toEqual({
      date: '2025-01-27',
      name: 'Nghỉ hoán đổi (làm bù ngày 2025-02-08)',
      kind: 'override',
    });
    expect(list.some((h) => h.date.startsWith('2026'))).toBe(false);
  });

  it('a removed statutory day earns no compensation', () => {
    const list = generateVnHolidays(2026, {
      weeklyHours: MON_FRI,
      overrides: [{ year: 2026, remove: ['2026-04-26'] }],
    });
    expect(list.some((h) => h.date === '2026-04-26' || h.date === '2026-04-27')).toBe(false);
  });

  it('rejects years outside the lunar calendar range', () => {
    expect(() => generateVnHolidays(1800, { weeklyHours: MON_FRI })).toThrow(RangeError);
  });
});

describe('applyHolidaysToCalendar', () => {
  const base: BusinessCalendar = {
    timeZone: 'Asia/Ho_Chi_Minh',
    weeklyHours: MON_FRI,
    holidays: ['2025-12-24'],
    dateHours: { '2025-01-27': [['08:00', '10:00']] },
  };

  it('closes the holidays, opens swapped workdays and leaves the input untouched', () => {
    const swaps = [{ dayOff: '2025-01-27', workday: '2025-02-08' }];
    const list = generateVnHolidays(2025, {
      weeklyHours: MON_FRI,
      overrides: [{ year: 2025, swaps }],
    });
    const calendar = applyHolidaysToCalendar(base, list, swaps);
    expect(calendar.holidays).toContain('2025-01-27');
    expect(calendar.holidays).toContain('2025-12-24');
    expect(calendar.dateHours).toEqual({ '2025-02-08': OFFICE });
    expect(base.dateHours).toEqual({ '2025-01-27': [['08:00', '10:00']] });
    // Friday 24 Jan 16:00 + 2 h: closed from Saturday 25 Jan to Monday 3 Feb (compensatory day).
    expect(
      addBusinessMinutes(new Date('2025-01-24T16:00:00+07:00'), 120, calendar).toISOString(),
    ).toBe('2025-02-04T02:00:00.000Z');
    // The swapped Saturday is a working day with Monday's hours.
    expect(
      addBusinessMinutes(new Date('2025-02-07T16:00:00+07:00'), 120, calendar).toISOString(),
    ).toBe('2025-02-08T02:00:00.000Z');
  });

  it('uses explicit swap hours, or the first open weekday when the day off is normally closed', () => {
    const calendar = applyHolidaysToCalendar(
      base,
      [],
      [
        { dayOff: '2025-03-01', workday: '2025-03-08' },
        { dayOff: '2025-03-03', workday: '2025-03-15', hours: [['08:00', '12:00']] },
      ],
    );
    expect(calendar.dateHours['2025-03-08']).toEqual(OFFICE);
    expect(calendar.dateHours['2025-03-15']).toEqual([['08:00', '12:00']]);
  });
});

describe('parseHolidayOverrides', () => {
  it('accepts valid overrides', () => {
    const json = [
      {
        year: 2025,
        add: [{ date: '2025-08-30', name: 'X' }],
        remove: ['2025-02-03'],
        swaps: [{ dayOff: '2025-01-27', workday: '2025-02-08', hours: [['08:00', '12:00']] }],
      },
    ];
    expect(parseHolidayOverrides(json)).toEqual({ ok: true, overrides: json });
  });

  it.each([
    [{}, 'holidayOverrides'],
    [[{ year: '2025' }], 'holidayOverrides[0].year'],
    [[{ year: 2025, add: [{ date: '2025-02-30', name: 'X' }] }], 'holidayOverrides[0].add[0].date'],
    [[{ year: 2025, add: [{ date: '2025-02-03', name: ' ' }] }], 'holidayOverrides[0].add[0].name'],
    [[{ year: 2025, remove: ['tomorrow'] }], 'holidayOverrides[0].remove[0]'],
    [[{ year: 2025, swaps: [{ dayOff: '2025-01-27' }] }], 'holidayOverrides[0].swaps[0].workday'],
    [
      [
        {
          year: 2025,
          swaps: [{ dayOff: '2025-01-27', workday: '2025-02-08', hours: [['9', '12']] }],
        },
      ],
      'holidayOverrides[0].swaps[0].hours[0]',
    ],
  ])('rejects %j at %s', (json, field) => {
    const result = parseHolidayOverrides(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.field).toBe(field);
  });
});
