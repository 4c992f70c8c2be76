import { describe, expect, it } from 'vitest';
import { endOfLocalDay, startOfLocalDay } from './local-day.ts';

describe('endOfLocalDay', () => {
  it.each([
    ['Hà Nội morning', '2026-03-02T01:00:00Z', 'Asia/Ho_Chi_Minh', '2026-03-02T17:00:00.000Z'],
    [
      'Hà Nội just before midnight',
      '2026-03-02T16:59:59Z',
      'Asia/Ho_Chi_Minh',
      '2026-03-02T17:00:00.000Z',
    ],
    [
      'Hà Nội at midnight: the next day',
      '2026-03-02T17:00:00Z',
      'Asia/Ho_Chi_Minh',
      '2026-03-03T17:00:00.000Z',
    ],
    ['UTC', '2026-12-31T23:00:00Z', 'UTC', '2027-01-01T00:00:00.000Z'],
    // New York springs forward on 8 March 2026: that local day has 23 hours.
    [
      'New York on the DST day',
      '2026-03-08T12:00:00Z',
      'America/New_York',
      '2026-03-09T04:00:00.000Z',
    ],
    // London falls back on 25 October 2026: that local day has 25 hours.
    [
      'London on the fall-back day',
      '2026-10-25T00:30:00Z',
      'Europe/London',
      '2026-10-26T00:00:00.000Z',
    ],
    ['a half-hour zone', '2026-03-02T20:00:00Z', 'Asia/Kolkata', '2026-03-03T18:30:00.000Z'],
  ])('%s', (_, at, zone, expected) => {
    expect(endOfLocalDay(new Date(at), zone).toISOString()).toBe(expected);
  });
});

describe('startOfLocalDay', () => {
  it.each([
    ['Hà Nội', '2026-03-02', 'Asia/Ho_Chi_Minh', '2026-03-01T17:00:00.000Z'],
    ['UTC', '2027-01-01', 'UTC', '2027-01-01T00:00:00.000Z'],
    ['New York on the DST day', '2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z'],
    ['New York the day after', '2026-03-09', 'America/New_York', '2026-03-09T04:00:00.000Z'],
    ['Kiribati (UTC+14)', '2026-03-02', 'Pacific/Kiritimati', '2026-03-01T10:00:00.000Z'],
    ['a half-hour zone', '2026-03-03', 'Asia/Kolkata', '2026-03-02T18:30:00.000Z'],
  ])('%s', (_, date, zone, expected) => {
    expect(startOfLocalDay(date, zone).toISOString()).toBe(expected);
  });
});
