/** The zone's offset from UTC at an instant, in milliseconds (whole seconds). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The first instant of a local midnight given as UTC fields: the offset where it lands. */
function localMidnight(utcFields: number, timeZone: string, near: number): Date {
  // The offset at midnight may differ from the offset near it (a DST change during the day):
  // take the offset where the first guess lands, then once more from there.
  const guess = utcFields - offsetAt(near, timeZone);
  return new Date(utcFields - offsetAt(guess, timeZone));
}

/** The first instant of the next local day in a zone: "due today" means before it. */
export function endOfLocalDay(at: Date, timeZone: string): Date {
  const local = new Date(at.getTime() + offsetAt(at.getTime(), timeZone));
  const next = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1);
  return localMidnight(next, timeZone, at.getTime());
}

/** The first instant of a local day (YYYY-MM-DD) in a zone. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const fields = Date.UTC(y, m - 1, d);
  return localMidnight(fields, timeZone, fields);
}
