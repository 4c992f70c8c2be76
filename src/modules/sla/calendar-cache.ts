import type { BusinessCalendar } from './domain/index.ts';
import { effectiveCalendar, type CalendarRecord } from './domain/effective-calendar.ts';

const cache = new Map<string, BusinessCalendar>();

/**
 * {@link effectiveCalendar}, kept per calendar id, version and year: generating the holidays of
 * four years is the costly part, and a changed calendar has a new version.
 */
export function cachedCalendar(record: CalendarRecord, at: Date): BusinessCalendar {
  const key = `${record.id}:${record.version}:${at.getUTCFullYear()}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const calendar = effectiveCalendar(record, at);
  if (cache.size > 500) cache.clear();
  cache.set(key, calendar);
  return calendar;
}
