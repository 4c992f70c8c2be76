/**
 * Weeks in the org's time zone (Monday to Sunday) and the percentiles of the reports. Percentiles
 * are nearest-rank: the smallest value with at least p% of the values at or below it.
 */
const DAY_MS = 86_400_000;

/** The local calendar date of an instant in a zone, as YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The Monday of the local week an instant falls in. */
export function weekStartOf(instant: Date, timeZone: string): string {
  const day = dayNumber(localDate(instant, timeZone));
  const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7; // Monday 0
  return dateOfDay(day - weekday);
}

export const addWeeks = (weekStart: string, n: number): string =>
  dateOfDay(dayNumber(weekStart) + 7 * n);

export type WeekCount = { weekStart: string; offset: number; count: number };

/**
 * Complaints per local week for `weeks` weeks before the pivot's week (offsets −weeks…−1) and
 * `weeks` weeks from it (0…weeks−1). Weeks that have not started by `now` are left out, so an
 * after-average is never lowered by weeks that have not happened.
 */
export function weeklySeries(input: {
  receivedAt: readonly Date[];
  pivot: Date;
  weeks: number;
  timeZone: string;
  now: Date;
}): { weeks: WeekCount[]; beforeAverage: number | null; afterAverage: number | null } {
  const pivotWeek = weekStartOf(input.pivot, input.timeZone);
  const nowWeek = weekStartOf(input.now, input.timeZone);
  const counts = new Map<string, number>();
  for (const at of input.receivedAt) {
    const w = weekStartOf(at, input.timeZone);
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const weeks: WeekCount[] = [];
  for (let offset = -input.weeks; offset < input.weeks; offset++) {
    const weekStart = addWeeks(pivotWeek, offset);
    if (weekStart > nowWeek) break;
    weeks.push({ weekStart, offset, count: counts.get(weekStart) ?? 0 });
  }
  const mean = (xs: WeekCount[]) =>
    xs.length === 0
      ? null
      : Math.round((xs.reduce((s, w) => s + w.count, 0) / xs.length) * 100) / 100;
  return {
    weeks,
    beforeAverage: mean(weeks.filter((w) => w.offset < 0)),
    afterAverage: mean(weeks.filter((w) => w.offset >= 0)),
  };
}

/** Nearest-rank percentile of `values` (p in 0…100), or null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}
