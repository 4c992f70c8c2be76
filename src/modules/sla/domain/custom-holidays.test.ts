import { describe, expect, it } from 'vitest';
import {
  expandCustomHolidays,
  IcsParseError,
  parseIcsHolidays,
  type CustomHolidayDef,
} from './custom-holidays.ts';

describe('expandCustomHolidays', () => {
  const defs: CustomHolidayDef[] = [
    { name: 'Company day', calendar: 'solar', month: 3, day: 15 },
    { name: 'Leap day party', calendar: 'solar', month: 2, day: 29 },
    { name: 'Vu Lan', calendar: 'lunar', month: 7, day: 15 },
    { name: 'Last day of the year', calendar: 'lunar', month: 12, day: 30 },
    { name: 'Ông Công ông Táo', calendar: 'lunar', month: 12, day: 23 },
    { name: 'Leap sixth month', calendar: 'lunar', month: 6, day: 1, leap: true },
    { name: 'Anniversary 2025', calendar: 'solar', month: 6, day: 1, year: 2025 },
    { name: 'Lunar one-off', calendar: 'lunar', month: 1, day: 10, year: 2026 },
  ];

  it('expands 2025', () => {
    expect(expandCustomHolidays(defs, 2025)).toEqual([
      { date: '2025-01-22', name: 'Ông Công ông Táo' }, // lunar 23/12 of 2024
      { date: '2025-01-28', name: 'Last day of the year' }, // month 12 of 2024 has 29 days
      { date: '2025-03-15', name: 'Company day' },
      { date: '2025-06-01', name: 'Anniversary 2025' },
      { date: '2025-07-25', name: 'Leap sixth month' },
      { date: '2025-09-06', name: 'Vu Lan' },
    ]);
  });

  it('expands 2026 and 2028', () => {
    expect(expandCustomHolidays(defs, 2026).map((h) => h.date)).toEqual([
      '2026-02-10',
      '2026-02-16',
      '2026-02-26',
      '2026-03-15',
      '2026-08-27',
    ]);
    expect(expandCustomHolidays(defs, 2028).some((h) => h.date === '2028-02-29')).toBe(true);
  });

  it('rejects nonsense', () => {
    expect(() =>
      expandCustomHolidays([{ name: 'X', calendar: 'solar', month: 13, day: 1 }], 2025),
    ).toThrow(/month/);
    expect(() =>
      expandCustomHolidays(
        [{ name: 'X', calendar: 'lunar', month: 5, day: 1, leap: true, year: 2025 }],
        2025,
      ),
    ).toThrow(/leap month 5/);
  });
});

const ics = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR'].join('\r\n');

describe('parseIcsHolidays', () => {
  it('reads all-day events, multi-day ranges, folding and escapes', () => {
    const text = ics(
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260101',
      'SUMMARY:New Year\\, Day',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260216',
      'DTEND;VALUE=DATE:20260219',
      'SUMMARY:Tết Nguyên',
      '  đán',
      'BEGIN:VALARM',
      'TRIGGER:-PT15M',
      'END:VALARM',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;TZID="Asia/Ho_Chi_Minh:odd":20260430T000000',
      'DURATION:P2D',
      'SUMMARY:Back\\\\slash\\; and\\nnewline',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260601',
      'SUMMARY:Cancelled',
      'STATUS:CANCELLED',
      'END:VEVENT',
    );
    expect(parseIcsHolidays(text)).toEqual([
      { date: '2026-01-01', name: 'New Year, Day' },
      { date: '2026-02-16', name: 'Tết Nguyên đán' },
      { date: '2026-02-17', name: 'Tết Nguyên đán' },
      { date: '2026-02-18', name: 'Tết Nguyên đán' },
      { date: '2026-04-30', name: 'Back\\slash; and\nnewline' },
      { date: '2026-05-01', name: 'Back\\slash; and\nnewline' },
    ]);
  });

  it('expands yearly rules over a year range', () => {
    const text = ics(
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20200902',
      'RRULE:FREQ=YEARLY',
      'EXDATE;VALUE=DATE:20260902',
      'SUMMARY:Quốc khánh',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20201126',
      'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH',
      'SUMMARY:Thanksgiving',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20200525',
      'RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO;COUNT=6',
      'SUMMARY:Memorial Day',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20240229',
      'RRULE:FREQ=YEARLY;UNTIL=20281231',
      'SUMMARY:Leap',
      'END:VEVENT',
    );
    expect(parseIcsHolidays(text, { fromYear: 2025, toYear: 2028 })).toEqual([
      { date: '2025-05-26', name: 'Memorial Day' },
      { date: '2025-09-02', name: 'Quốc khánh' },
      { date: '2025-11-27', name: 'Thanksgiving' },
      { date: '2026-11-26', name: 'Thanksgiving' },
      { date: '2027-09-02', name: 'Quốc khánh' },
      { date: '2027-11-25', name: 'Thanksgiving' },
      { date: '2028-02-29', name: 'Leap' },
      { date: '2028-09-02', name: 'Quốc khánh' },
      { date: '2028-11-23', name: 'Thanksgiving' },
    ]);
  });

  it.each([
    ['', /expected BEGIN:VCALENDAR/],
    ['BEGIN:VEVENT\r\nEND:VEVENT', /expected BEGIN:VCALENDAR/],
    [ics('BEGIN:VEVENT', 'SUMMARY:X', 'END:VEVENT'), /line 3: VEVENT has no DTSTART/],
    [ics('BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20260101', 'END:VEVENT'), /no SUMMARY/],
    [
      ics('BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20260230', 'SUMMARY:X', 'END:VEVENT'),
      /line 4: DTSTART must be/,
    ],
    [
      ics(
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20260102',
        'DTEND;VALUE=DATE:20260101',
        'SUMMARY:X',
        'END:VEVENT',
      ),
      /DTEND must be after/,
    ],
    [
      ics('BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20260101', 'SUMMARY:X'),
      /END:VCALENDAR does not match BEGIN:VEVENT/,
    ],
    ['BEGIN:VCALENDAR\r\nVERSION:2.0\r\n', /missing END:VCALENDAR/],
    [
      ics('BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20260101', 'SUMMARY:X', 'END:VTODO'),
      /does not match/,
    ],
    [
      ics('BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20260101', 'SUMMARY X', 'END:VEVENT'),
      /expected "NAME:value"/,
    ],
    [
      ics(
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20260101',
        'RRULE:FREQ=MONTHLY',
        'SUMMARY:X',
        'END:VEVENT',
      ),
      /FREQ must be YEARLY/,
    ],
    [
      ics(
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20260101',
        'RRULE:FREQ=YEARLY;BYWEEKNO=1',
        'SUMMARY:X',
        'END:VEVENT',
      ),
      /BYWEEKNO is not supported/,
    ],
    [
      ics(
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20260101',
        'RRULE:FREQ=YEARLY',
        'SUMMARY:X',
        'END:VEVENT',
      ),
      /needs a year range/,
    ],
    [' folded\r\n' + ics(), /continuation line/],
  ])('rejects malformed input %#', (text, message) => {
    expect(() => parseIcsHolidays(text)).toThrow(IcsParseError);
    expect(() => parseIcsHolidays(text)).toThrow(message);
  });
});
