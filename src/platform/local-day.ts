/**
 * Local days and wall-clock readings in a time zone, on top of Intl (Node 20 has no Temporal):
 * the one place reports, budgets and imports turn "2026-03-01 in Asia/Ho_Chi_Minh" into an
 * instant. Pure; the formatter of each zone is made once.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in milliseconds (whole seconds). */
export function zoneOffsetAt(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  const parts = formatterFor(timeZone).formatToParts(new Date(wholeSecond));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - wholeSecond;
}

/**
 * A wall-clock reading, given as UTC fields, as an instant. The offset at that reading may differ
 * from the offset near it (a daylight-saving change): the offset where the first guess lands is
 * taken, then once more from there, so a reading that occurs twice gives the earlier instant.
 */
function wallClock(utcFields: number, timeZone: string, near: number): Date {
  const guess = utcFields - zoneOffsetAt(near, timeZone);
  return new Date(utcFields - zoneOffsetAt(guess, timeZone));
}

/** The first instant of a local day (YYYY-MM-DD) in a zone. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const fields = Date.UTC(y, m - 1, d);
  return wallClock(fields, timeZone, fields);
}

/** The first instant of the next local day in a zone: "due today" means before it. */
export function endOfLocalDay(at: Date, timeZone: string): Date {
  const local = new Date(at.getTime() + zoneOffsetAt(at.getTime(), timeZone));
  const next = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1);
  return wallClock(next, timeZone, at.getTime());
}

/** A wall-clock reading in a zone as an instant (the earlier one when it occurs twice). */
export function wallClockToInstant(
  timeZone: string,
  y: number,
  mo: number,
  d: number,
  h = 0,
  mi = 0,
  s = 0,
): Date {
  const fields = Date.UTC(y, mo - 1, d, h, mi, s);
  return wallClock(fields, timeZone, fields);
}
