/**
 * The one way Ombud writes a date and a time, per language, on every screen and in every mail:
 *
 * | language | date and time                  | date only         |
 * |----------|--------------------------------|-------------------|
 * | vi       | `08:00, Thứ Sáu 04/12/2026`     | `04/12/2026`      |
 * | en       | `08:00, Friday 4 December 2026` | `4 December 2026` |
 * | zh       | `2026年12月4日 星期五 08:00`      | `2026年12月4日`     |
 *
 * Always the 24-hour clock, always the weekday with a time (people plan by it), the month by
 * name in English (4/12 reads as April in the US). Chinese goes from the largest unit to the
 * smallest, as it is written. Around Tết, from the 23rd of the last lunar month (when offices
 * start closing) to the 10th of the first, the Vietnamese lunar date follows in brackets:
 * `08:00, Thứ Ba 10/02/2026 (23 tháng Chạp âm lịch)`.
 */
import { parseIsoDate } from './civil-date.ts';
import { solarToLunar, type LunarDate } from './lunar-calendar.ts';
import { instantToLocal } from './time-zone.ts';

export type DateLanguage = 'vi' | 'en' | 'zh';

type Wall = { year: number; month: number; day: number; hour: number; minute: number };

const weekdays: Record<DateLanguage, readonly string[]> = {
  vi: ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  zh: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
};

const englishMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number) => String(n).padStart(2, '0');

function wallOf(at: Date, timeZone: string): Wall {
  const local = new Date(instantToLocal(timeZone, at.getTime()));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

const weekdayOf = (w: Pick<Wall, 'year' | 'month' | 'day'>) =>
  new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();

function dateText(w: Wall, lang: DateLanguage, withWeekday: boolean): string {
  const weekday = weekdays[lang][weekdayOf(w)];
  switch (lang) {
    case 'vi': {
      const date = `${pad(w.day)}/${pad(w.month)}/${w.year}`;
      return withWeekday ? `${weekday} ${date}` : date;
    }
    case 'en': {
      const date = `${w.day} ${englishMonths[w.month - 1]} ${w.year}`;
      return withWeekday ? `${weekday} ${date}` : date;
    }
    case 'zh': {
      const date = `${w.year}年${w.month}月${w.day}日`;
      return withWeekday ? `${date} ${weekday}` : date;
    }
  }
}

/** The zone as an offset from UTC at that instant: `UTC+7`, `UTC+5:30`, `UTC`. */
function offsetText(at: Date, timeZone: string): string {
  const minutes = Math.round((instantToLocal(timeZone, at.getTime()) - at.getTime()) / 60_000);
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${pad(abs % 60)}` : ''}`;
}

const bracket = (lang: DateLanguage, text: string) =>
  lang === 'zh' ? `（${text}）` : ` (${text})`;

const vietnameseMonths = [
  'Giêng',
  'Hai',
  'Ba',
  'Tư',
  'Năm',
  'Sáu',
  'Bảy',
  'Tám',
  'Chín',
  'Mười',
  'Mười Một',
  'Chạp',
];
const chineseMonths = [
  '正月',
  '二月',
  '三月',
  '四月',
  '五月',
  '六月',
  '七月',
  '八月',
  '九月',
  '十月',
  '冬月',
  '腊月',
];
const chineseDigits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function chineseDay(day: number): string {
  if (day <= 10) return `初${chineseDigits[day]}`;
  if (day < 20) return `十${chineseDigits[day - 10]}`;
  if (day === 20) return '二十';
  if (day < 30) return `廿${chineseDigits[day - 20]}`;
  return '三十';
}

/** A lunar date in words: `23 tháng Chạp âm lịch`, `lunar 23/12`, `农历腊月廿三`. */
export function lunarText(lunar: LunarDate, lang: DateLanguage): string {
  switch (lang) {
    case 'vi': {
      const day = lunar.day <= 10 ? `mùng ${lunar.day}` : String(lunar.day);
      const leap = lunar.leap ? ' nhuận' : '';
      return `${day} tháng ${vietnameseMonths[lunar.month - 1]}${leap} âm lịch`;
    }
    case 'en':
      return `lunar ${lunar.day}/${lunar.month}${lunar.leap ? ', leap month' : ''}`;
    case 'zh':
      return `农历${lunar.leap ? '闰' : ''}${chineseMonths[lunar.month - 1]}${chineseDay(lunar.day)}`;
  }
}

/**
 * The lunar date of a solar date (`YYYY-MM-DD`) when it falls around Tết: from the 23rd of the
 * twelfth lunar month to the 10th of the first. Undefined on any other day.
 */
export function lunarDateAroundTet(isoDate: string): LunarDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return undefined;
  const year = Number(m[1]);
  const monthDay = Number(m[2]) * 100 + Number(m[3]);
  // Tết falls between 21 January and 20 February, so the season lies within 10 January – 5 March;
  // other days need no astronomy.
  if (monthDay < 110 || monthDay > 305 || year < 1900 || year > 2199) return undefined;
  const lunar = solarToLunar(isoDate);
  if (lunar.leap) return undefined;
  return (lunar.month === 12 && lunar.day >= 23) || (lunar.month === 1 && lunar.day <= 10)
    ? lunar
    : undefined;
}

function lunarSuffix(w: Pick<Wall, 'year' | 'month' | 'day'>, lang: DateLanguage): string {
  const lunar = lunarDateAroundTet(`${w.year}-${pad(w.month)}-${pad(w.day)}`);
  return lunar ? bracket(lang, lunarText(lunar, lang)) : '';
}

export type DateTextOptions = {
  /** The zone's offset after the time, for readers who may be elsewhere (customer mail). */
  withZone?: boolean;
  /** The lunar date around Tết; on unless turned off. */
  withLunar?: boolean;
};

/** An instant as a date and a time in a zone: `08:00, Thứ Sáu 04/12/2026`. */
export function formatDateTime(
  at: Date,
  lang: DateLanguage,
  timeZone: string,
  options: DateTextOptions = {},
): string {
  const w = wallOf(at, timeZone);
  const zone = options.withZone ? bracket(lang, offsetText(at, timeZone)) : '';
  const time = `${pad(w.hour)}:${pad(w.minute)}${zone}`;
  const date = dateText(w, lang, true);
  const lunar = options.withLunar === false ? '' : lunarSuffix(w, lang);
  return lang === 'zh' ? `${date} ${time}${lunar}` : `${time}, ${date}${lunar}`;
}

/**
 * A day: a civil date (`YYYY-MM-DD`, shown as it is) or an instant (its day in the zone):
 * `04/12/2026`, or `Thứ Sáu 04/12/2026` with the weekday.
 */
export function formatDate(
  date: Date | string,
  lang: DateLanguage,
  timeZone: string,
  options: { withWeekday?: boolean; withLunar?: boolean } = {},
): string {
  const civil = typeof date === 'string' ? parseIsoDate(date) : undefined;
  const w =
    typeof date === 'string' && civil !== undefined
      ? wallFromCivil(date)
      : wallOf(typeof date === 'string' ? new Date(date) : date, timeZone);
  const lunar = options.withLunar === false ? '' : lunarSuffix(w, lang);
  return `${dateText(w, lang, options.withWeekday ?? false)}${lunar}`;
}

function wallFromCivil(iso: string): Wall {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day, hour: 0, minute: 0 };
}
