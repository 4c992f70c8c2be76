import { WEEKDAYS } from './civil-date.ts';
import type { WeeklyHours } from './business-calendar.ts';

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * The calendar's own working day, in hours: the open time of an average working weekday (the
 * days with any hours), for turning business hours into business days without assuming 8.
 */
export function workingDayHours(weeklyHours: WeeklyHours): number {
  const days = WEEKDAYS.map((d) =>
    weeklyHours[d].reduce((sum, [from, to]) => sum + Math.max(0, minutes(to) - minutes(from)), 0),
  ).filter((open) => open > 0);
  if (days.length === 0) return 0;
  return days.reduce((a, b) => a + b, 0) / days.length / 60;
}
