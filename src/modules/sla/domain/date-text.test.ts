import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, lunarDateAroundTet, lunarText } from './date-text.ts';

const HCM = 'Asia/Ho_Chi_Minh';

describe('formatDateTime: one style per language', () => {
  it.each([
    ['2026-12-04T01:00:00Z', HCM, 'vi', '08:00, Thứ Sáu 04/12/2026'],
    ['2026-12-04T01:00:00Z', HCM, 'en', '08:00, Friday 4 December 2026'],
    ['2026-12-04T01:00:00Z', HCM, 'zh', '2026年12月4日 星期五 08:00'],
    // The wall time of the zone, not of the machine: 23:30 UTC is the next day in Hà Nội.
    ['2026-03-01T23:30:00Z', HCM, 'vi', '06:30, Thứ Hai 02/03/2026'],
    ['2026-03-01T23:30:00Z', 'Europe/London', 'en', '23:30, Sunday 1 March 2026'],
    ['2026-07-05T17:05:00Z', 'America/New_York', 'zh', '2026年7月5日 星期日 13:05'],
  ] as const)('%s in %s, %s → %s', (iso, zone, lang, expected) => {
    expect(formatDateTime(new Date(iso), lang, zone)).toBe(expected);
  });

  it('names the zone when asked, for readers who may be elsewhere', () => {
    const at = new Date('2026-12-04T10:00:00Z');
    expect(formatDateTime(at, 'vi', HCM, { withZone: true })).toBe(
      '17:00 (UTC+7), Thứ Sáu 04/12/2026',
    );
    expect(formatDateTime(at, 'zh', 'Asia/Kolkata', { withZone: true })).toBe(
      '2026年12月4日 星期五 15:30（UTC+5:30）',
    );
    expect(formatDateTime(at, 'en', 'UTC', { withZone: true })).toBe(
      '10:00 (UTC), Friday 4 December 2026',
    );
  });
});

describe('the lunar date around Tết', () => {
  it.each([
    // Tết Bính Ngọ is 17 February 2026; the twelfth month of Ất Tỵ has 29 days.
    ['2026-02-09', undefined],
    ['2026-02-10', { year: 2025, month: 12, day: 23, leap: false }],
    ['2026-02-16', { year: 2025, month: 12, day: 29, leap: false }],
    ['2026-02-17', { year: 2026, month: 1, day: 1, leap: false }],
    ['2026-02-26', { year: 2026, month: 1, day: 10, leap: false }],
    ['2026-02-27', undefined],
    ['2026-12-04', undefined],
    ['2025-01-29', { year: 2025, month: 1, day: 1, leap: false }],
  ])('%s → %j', (date, expected) => {
    expect(lunarDateAroundTet(date)).toEqual(expected);
  });

  it.each([
    ['vi', '2026-02-10T01:00:00Z', '08:00, Thứ Ba 10/02/2026 (23 tháng Chạp âm lịch)'],
    ['vi', '2026-02-19T01:00:00Z', '08:00, Thứ Năm 19/02/2026 (mùng 3 tháng Giêng âm lịch)'],
    ['en', '2026-02-19T01:00:00Z', '08:00, Thursday 19 February 2026 (lunar 3/1)'],
    ['zh', '2026-02-19T01:00:00Z', '2026年2月19日 星期四 08:00（农历正月初三）'],
    ['zh', '2026-02-16T01:00:00Z', '2026年2月16日 星期一 08:00（农历腊月廿九）'],
  ] as const)('%s: %s → %s', (lang, iso, expected) => {
    expect(formatDateTime(new Date(iso), lang, HCM)).toBe(expected);
  });

  it('can be left out, and words every day of a month', () => {
    expect(formatDateTime(new Date('2026-02-17T01:00:00Z'), 'vi', HCM, { withLunar: false })).toBe(
      '08:00, Thứ Ba 17/02/2026',
    );
    const zh = [1, 10, 11, 19, 20, 21, 30].map((day) =>
      lunarText({ year: 2026, month: 11, day, leap: false }, 'zh'),
    );
    expect(zh).toEqual([
      '农历冬月初一',
      '农历冬月初十',
      '农历冬月十一',
      '农历冬月十九',
      '农历冬月二十',
      '农历冬月廿一',
      '农历冬月三十',
    ]);
    expect(lunarText({ year: 2025, month: 6, day: 15, leap: true }, 'vi')).toBe(
      '15 tháng Sáu nhuận âm lịch',
    );
    expect(lunarText({ year: 2025, month: 6, day: 15, leap: true }, 'en')).toBe(
      'lunar 15/6, leap month',
    );
  });
});

describe('formatDate', () => {
  it.each([
    ['2026-12-04', 'vi', '04/12/2026'],
    ['2026-12-04', 'en', '4 December 2026'],
    ['2026-12-04', 'zh', '2026年12月4日'],
    ['2026-02-17', 'vi', '17/02/2026 (mùng 1 tháng Giêng âm lịch)'],
  ] as const)('the civil date %s in %s → %s', (date, lang, expected) => {
    // A civil date is shown as it is, whatever the zone.
    expect(formatDate(date, lang, 'America/Los_Angeles')).toBe(expected);
  });

  it('takes the day of an instant in the zone, with the weekday when asked', () => {
    const at = new Date('2026-12-03T20:00:00Z');
    expect(formatDate(at, 'vi', HCM, { withWeekday: true })).toBe('Thứ Sáu 04/12/2026');
    expect(formatDate(at, 'zh', HCM, { withWeekday: true })).toBe('2026年12月4日 星期五');
    expect(formatDate(at, 'en', 'UTC')).toBe('3 December 2026');
  });
});
