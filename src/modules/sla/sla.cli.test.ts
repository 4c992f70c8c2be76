import { describe, expect, it } from 'vitest';
import { runCalendarCli } from './sla.cli.ts';

const OFFICE = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];
const CALENDAR = {
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

const FILES: Record<string, string> = {
  'cal.json': JSON.stringify(CALENDAR),
  'mon-sat.json': JSON.stringify({
    ...CALENDAR,
    weeklyHours: { ...CALENDAR.weeklyHours, sat: OFFICE },
    holidayOverrides: [
      {
        year: 2025,
        swaps: [{ dayOff: '2025-01-27', workday: '2025-02-08' }],
        remove: ['2025-09-01'],
      },
    ],
  }),
  'broken.json': '{"timeZone": ',
  'bad-period.json': JSON.stringify({
    ...CALENDAR,
    weeklyHours: {
      mon: [
        ['08:00', '12:00'],
        ['11:00', '17:00'],
      ],
    },
  }),
  'bad-overrides.json': JSON.stringify({ ...CALENDAR, holidayOverrides: [{ year: 'next' }] }),
};

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCalendarCli(argv, {
    readFile: (path) => {
      const text = FILES[path];
      if (text === undefined) {
        return Promise.reject(new Error(`ENOENT: no such file or directory, open '${path}'`));
      }
      return Promise.resolve(text);
    },
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

function ok(result: { code: number; stdout: string; stderr: string }): unknown {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout.endsWith('\n')).toBe(true);
  expect(result.stdout.trimEnd().includes('\n')).toBe(false);
  return JSON.parse(result.stdout) as unknown;
}

describe('ombud calendar', () => {
  it.each([
    [['--minutes', '90'], '2026-03-02T02:30:00.000Z'],
    [['--minutes=90'], '2026-03-02T02:30:00.000Z'],
    [['--hours', '1.5'], '2026-03-02T02:30:00.000Z'],
    [['--seconds', '5400'], '2026-03-02T02:30:00.000Z'],
    [['--minutes', '-90'], '2026-02-27T08:30:00.000Z'],
    [['--business-days', '1'], '2026-03-03T01:00:00.000Z'],
    [['--business-days', '-1'], '2026-02-27T01:00:00.000Z'],
  ])('add %j from Monday 08:00', async (amount, at) => {
    expect(
      ok(
        await run(
          'calendar',
          'add',
          '--calendar',
          'cal.json',
          '--start',
          '2026-03-02T01:00:00Z',
          ...amount,
        ),
      ),
    ).toEqual({ at });
  });

  it('accepts offsets and fractional seconds in instants', async () => {
    expect(
      ok(
        await run(
          'calendar',
          'add',
          '--calendar',
          'cal.json',
          '--start',
          '2026-03-02T08:00:00.5+07:00',
          '--seconds',
          '1',
        ),
      ),
    ).toEqual({
      at: '2026-03-02T01:00:01.500Z',
    });
  });

  it('elapsed, next-open and close-of-business', async () => {
    expect(
      ok(
        await run(
          'calendar',
          'elapsed',
          '--calendar',
          'cal.json',
          '--from',
          '2026-02-13T16:00:00+07:00',
          '--to',
          '2026-02-23T09:00:00+07:00',
        ),
      ),
    ).toEqual({ seconds: 7200 });
    expect(
      ok(
        await run(
          'calendar',
          'next-open',
          '--calendar',
          'cal.json',
          '--at',
          '2026-02-14T10:00:00+07:00',
        ),
      ),
    ).toEqual({
      at: '2026-02-23T01:00:00.000Z',
    });
    expect(
      ok(
        await run(
          'calendar',
          'close-of-business',
          '--calendar',
          'cal.json',
          '--at',
          '2026-03-07T10:00:00+07:00',
          '--days',
          '3',
        ),
      ),
    ).toEqual({ at: '2026-03-11T10:00:00.000Z' });
  });

  it.each([
    [
      ['calendar', 'add', '--calendar', 'cal.json', '--start', 'abc', '--minutes', '1'],
      'error: --start must be an ISO 8601 instant such as 2026-03-02T08:00:00+07:00, got "abc"',
    ],
    [
      [
        'calendar',
        'add',
        '--calendar',
        'cal.json',
        '--start',
        '2026-02-30T01:00:00Z',
        '--minutes',
        '1',
      ],
      '--start must be an ISO 8601 instant',
    ],
    [
      [
        'calendar',
        'add',
        '--calendar',
        'cal.json',
        '--start',
        '2026-03-02T01:00:00',
        '--minutes',
        '1',
      ],
      '--start must be an ISO 8601 instant',
    ],
    [
      ['calendar', 'add', '--calendar', 'cal.json', '--start', '2026-03-02T01:00:00Z'],
      'needs exactly one of --minutes',
    ],
    [
      [
        'calendar',
        'add',
        '--calendar',
        'cal.json',
        '--start',
        '2026-03-02T01:00:00Z',
        '--minutes',
        '1',
        '--hours',
        '1',
      ],
      'needs exactly one of',
    ],
    [
      [
        'calendar',
        'add',
        '--calendar',
        'cal.json',
        '--start',
        '2026-03-02T01:00:00Z',
        '--minutes',
        'ten',
      ],
      '--minutes must be a number, got "ten"',
    ],
    [
      [
        'calendar',
        'add',
        '--calendar',
        'cal.json',
        '--start',
        '2026-03-02T01:00:00Z',
        '--business-days',
        '1.5',
      ],
      '--business-days must be an integer',
    ],
    [
      [
        'calendar',
        'add',
        '--calendar',
        'cal.json',
        '--start',
        '2026-03-02T01:00:00Z',
        '--minutes',
        '--hours',
      ],
      '--minutes needs a value',
    ],
    [
      ['calendar', 'add', '--start', '2026-03-02T01:00:00Z', '--minutes', '1'],
      'missing --calendar',
    ],
    [
      [
        'calendar',
        'add',
        '--calendar',
        'nope.json',
        '--start',
        '2026-03-02T01:00:00Z',
        '--minutes',
        '1',
      ],
      '--calendar: cannot read "nope.json"',
    ],
    [
      [
        'calendar',
        'add',
        '--calendar',
        'broken.json',
        '--start',
        '2026-03-02T01:00:00Z',
        '--minutes',
        '1',
      ],
      '--calendar: "broken.json" is not valid JSON',
    ],
    [
      [
        'calendar',
        'add',
        '--calendar',
        'bad-period.json',
        '--start',
        '2026-03-02T01:00:00Z',
        '--minutes',
        '1',
      ],
      '--calendar bad-period.json: weeklyHours.mon[1]: overlaps',
    ],
    [
      ['calendar', 'add', '--calendar', 'cal.json', '--begin', '2026-03-02T01:00:00Z'],
      'unknown flag --begin for calendar add',
    ],
    [
      ['calendar', 'add', '--calendar', 'cal.json', '--calendar', 'cal.json'],
      '--calendar given twice',
    ],
    [['calendar', 'add', 'cal.json'], 'unexpected argument "cal.json"'],
    [
      ['calendar', 'elapsed', '--calendar', 'cal.json', '--from', '2026-03-02T01:00:00Z'],
      'missing --to',
    ],
    [
      [
        'calendar',
        'close-of-business',
        '--calendar',
        'cal.json',
        '--at',
        '2026-03-02T01:00:00Z',
        '--days',
        'x',
      ],
      '--days must be an integer',
    ],
    [['calendar', 'frobnicate'], 'unknown calendar command "frobnicate"'],
    [['calendar'], 'missing calendar command'],
    [['frobnicate'], 'error: unknown command "frobnicate"; expected calendar, holidays or lunar'],
    [[], 'missing command'],
  ])('rejects %j', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr.startsWith('error: ')).toBe(true);
    expect(result.stderr.trimEnd().includes('\n')).toBe(false);
  });
});

describe('ombud holidays', () => {
  it('generates 2026 for the default Monday–Friday calendar', async () => {
    const list = ok(await run('holidays', '--country', 'VN', '--year', '2026')) as {
      date: string;
      kind: string;
    }[];
    expect(list).toHaveLength(12);
    expect(list).toContainEqual({
      date: '2026-04-27',
      name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      kind: 'compensatory',
    });
  });

  it('uses the calendar file: its weekly hours and holiday overrides', async () => {
    const list = ok(
      await run('holidays', '--country', 'VN', '--year', '2025', '--calendar', 'mon-sat.json'),
    ) as { date: string; kind: string }[];
    const dates = list.map((h) => h.date);
    expect(dates).not.toContain('2025-02-03'); // Saturday is a working day: no compensation
    expect(dates).not.toContain('2025-09-01'); // removed
    expect(list).toContainEqual({
      date: '2025-01-27',
      name: 'Nghỉ hoán đổi (làm bù ngày 2025-02-08)',
      kind: 'override',
    });
  });

  it.each([
    [['holidays', '--country', 'TH', '--year', '2026'], '--country must be VN'],
    [
      ['holidays', '--country', 'VN', '--year', '26'],
      '--year must be a year in 1900–2199, got "26"',
    ],
    [['holidays', '--country', 'VN'], 'missing --year'],
    [
      ['holidays', '--country', 'VN', '--year', '2026', '--sep2-adjacent', 'later'],
      '--sep2-adjacent must be before or after',
    ],
    [
      ['holidays', '--country', 'VN', '--year', '2026', '--calendar', 'bad-overrides.json'],
      'holidayOverrides[0].year',
    ],
  ])('rejects %j', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('ombud lunar', () => {
  it('converts both ways', async () => {
    expect(ok(await run('lunar', '--to-solar', '2026-01-01'))).toEqual({ date: '2026-02-17' });
    expect(ok(await run('lunar', '--to-solar', '2025-06-01', '--leap'))).toEqual({
      date: '2025-07-25',
    });
    expect(ok(await run('lunar', '--from-solar', '2025-07-25'))).toEqual({
      year: 2025,
      month: 6,
      day: 1,
      leap: true,
    });
  });

  it.each([
    [['lunar'], 'exactly one of --to-solar'],
    [['lunar', '--to-solar', '2026-1-1'], '--to-solar must be a lunar date YYYY-MM-DD'],
    [
      ['lunar', '--to-solar', '2024-02-01', '--leap'],
      '--to-solar: lunar year 2024 has no leap month 2',
    ],
    [['lunar', '--to-solar', '2025-12-30'], 'has 29 days'],
    [['lunar', '--from-solar', '2025-02-29'], '--from-solar: not a valid date'],
    [['lunar', '--from-solar', '2025-02-28', '--leap'], '--leap only goes with --to-solar'],
    [['lunar', '--leap=yes', '--to-solar', '2025-01-01'], '--leap takes no value'],
  ])('rejects %j', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
