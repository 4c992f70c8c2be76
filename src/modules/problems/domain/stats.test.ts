import { describe, expect, it } from 'vitest';
import { percentile, weekStartOf, weeklySeries } from './stats.ts';

describe('weekStartOf', () => {
  it.each([
    // Monday 00:30 in Hồ Chí Minh City is still Sunday in UTC.
    ['2026-03-01T17:30:00Z', 'Asia/Ho_Chi_Minh', '2026-03-02'],
    ['2026-03-01T17:30:00Z', 'UTC', '2026-02-23'],
    ['2026-03-08T16:59:59Z', 'Asia/Ho_Chi_Minh', '2026-03-02'],
    ['2026-03-08T17:00:00Z', 'Asia/Ho_Chi_Minh', '2026-03-09'],
    // A week across the end of the year.
    ['2026-01-01T05:00:00Z', 'Asia/Ho_Chi_Minh', '2025-12-29'],
    // Across a DST change (London, 29 March 2026).
    ['2026-03-29T12:00:00Z', 'Europe/London', '2026-03-23'],
  ])('%s in %s starts %s', (at, zone, expected) => {
    expect(weekStartOf(new Date(at), zone)).toBe(expected);
  });
});

describe('weeklySeries', () => {
  const zone = 'Asia/Ho_Chi_Minh';
  const pivot = new Date('2026-03-04T03:00:00Z'); // Wednesday of the week of 2 March
  const at = (d: string) => new Date(`${d}T03:00:00Z`);
  it('counts weeks before and from the pivot, and leaves out weeks not yet begun', () => {
    const s = weeklySeries({
      receivedAt: [
        at('2026-02-17'),
        at('2026-02-18'),
        at('2026-02-24'),
        at('2026-02-25'),
        at('2026-02-26'),
        at('2026-03-05'),
        at('2026-03-12'),
      ],
      pivot,
      weeks: 2,
      timeZone: zone,
      now: new Date('2026-03-10T00:00:00Z'),
    });
    expect(s.weeks).toEqual([
      { weekStart: '2026-02-16', offset: -2, count: 2 },
      { weekStart: '2026-02-23', offset: -1, count: 3 },
      { weekStart: '2026-03-02', offset: 0, count: 1 },
      { weekStart: '2026-03-09', offset: 1, count: 1 },
    ]);
    expect(s.beforeAverage).toBe(2.5);
    expect(s.afterAverage).toBe(1);
  });

  it('has no after-average before the pivot week begins', () => {
    const s = weeklySeries({
      receivedAt: [],
      pivot,
      weeks: 1,
      timeZone: zone,
      now: new Date('2026-02-27T00:00:00Z'),
    });
    expect(s.weeks).toEqual([{ weekStart: '2026-02-23', offset: -1, count: 0 }]);
    expect(s.afterAverage).toBeNull();
  });
});

describe('percentile (nearest rank)', () => {
  it.each([
    [[], 50, null],
    [[5], 50, 5],
    [[5], 90, 5],
    [[1, 2, 3, 4], 50, 2],
    [[4, 1, 3, 2], 90, 4],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    [[10, 20, 30], 0, 10],
  ] as const)('%o p%s = %s', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});
