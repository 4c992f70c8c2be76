import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, usePlace } from '../../i18n/format.ts';

export function intlLocale(language: string): string {
  if (language === 'zh') return 'zh-CN';
  if (language === 'en') return 'en-GB';
  return 'vi-VN';
}

/**
 * The org's time zone (GET /api/org), Asia/Ho_Chi_Minh until it is known; on a page that says
 * where it is (the portal), that page's zone.
 */
export function useOrgTimeZone(): string {
  return usePlace().timeZone;
}

type WallParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

function partsIn(date: Date, timeZone: string): WallParts {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
}

/** Milliseconds the zone is ahead of UTC at this instant. */
function offsetAt(date: Date, timeZone: string): number {
  const p = partsIn(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD HH:mm[:ss]` read as a wall time in the zone → ISO instant. */
export function wallToIso(wall: string | null | undefined, timeZone: string): string | undefined {
  if (!wall) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(wall);
  if (!m) return undefined;
  const guess = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  let instant = guess - offsetAt(new Date(guess), timeZone);
  // A second pass settles the offset when the first guess crossed a daylight-saving change.
  instant = guess - offsetAt(new Date(instant), timeZone);
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** ISO instant → `YYYY-MM-DD HH:mm:ss` wall time in the zone (the value a date picker holds). */
export function isoToWall(iso: string | null | undefined, timeZone: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const p = partsIn(date, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** An instant in the house style (`08:00, Thứ Sáu 04/12/2026`), as a wall time of the zone. */
export function formatInZone(
  iso: string | null | undefined,
  timeZone: string,
  language: string,
): string {
  return formatDateTime(iso, language, timeZone);
}

/** A length of time for people: "2 ngày 3 giờ", "1 h 20 min", "45 分钟". */
export function formatSpan(totalSeconds: number, language: string, largestOnly = false): string {
  const seconds = Math.abs(totalSeconds);
  const minutes = Math.floor(seconds / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (value: number, name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(intlLocale(language), {
      style: 'unit',
      unit: name,
      unitDisplay: name === 'day' ? 'long' : 'short',
    }).format(value);
  if (days > 0) {
    return hours > 0 && !largestOnly
      ? `${unit(days, 'day')} ${unit(hours, 'hour')}`
      : unit(days, 'day');
  }
  if (hours > 0)
    return mins > 0 ? `${unit(hours, 'hour')} ${unit(mins, 'minute')}` : unit(hours, 'hour');
  return unit(Math.max(mins, 0), 'minute');
}

/** The current time, refreshed every `intervalMs` (30 s by default) for countdowns. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Seconds left until `dueAt` at `now` (negative when overdue). */
export function secondsUntil(dueAt: string | null | undefined, now: number): number | null {
  if (!dueAt) return null;
  const due = new Date(dueAt).getTime();
  return Number.isNaN(due) ? null : Math.round((due - now) / 1000);
}

export function useZoneFormat(timeZone: string) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    dateTime: (iso: string | null | undefined) => formatInZone(iso, timeZone, language),
    /** The same: the house style always names the weekday. */
    dateTimeWeekday: (iso: string | null | undefined) => formatInZone(iso, timeZone, language),
    span: (seconds: number) => formatSpan(seconds, language),
    /** Days only once it is a day or more (queue badges). */
    spanShort: (seconds: number) => formatSpan(seconds, language, true),
  };
}
