import { describe, expect, it } from 'vitest';
import { workingDayHours } from './working-day.ts';

const office: [string, string][] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];

describe('workingDayHours', () => {
  it.each([
    [
      'Mon–Fri 8–12, 13–17',
      { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] },
      8,
    ],
    [
      'Mon–Fri 8–17:30 with lunch, Saturday morning',
      {
        mon: [
          ['08:00', '12:00'],
          ['13:00', '17:30'],
        ],
        tue: [
          ['08:00', '12:00'],
          ['13:00', '17:30'],
        ],
        wed: [
          ['08:00', '12:00'],
          ['13:00', '17:30'],
        ],
        thu: [
          ['08:00', '12:00'],
          ['13:00', '17:30'],
        ],
        fri: [
          ['08:00', '12:00'],
          ['13:00', '17:30'],
        ],
        sat: [['08:00', '12:00']],
        sun: [],
      },
      (8.5 * 5 + 4) / 6,
    ],
    [
      'round the clock',
      { mon: [['00:00', '24:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      24,
    ],
    ['never open', { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, 0],
  ] as const)('%s', (_, weeklyHours, hours) => {
    expect(workingDayHours(weeklyHours as never)).toBeCloseTo(hours, 6);
  });
});
