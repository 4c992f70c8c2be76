/** The first instant of the next local day in a zone: "due today" means before it. */
export function endOfLocalDay(at: Date, timeZone: string): Date {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const localParts = (instant: number) => {
    const parts = format.formatToParts(instant);
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
    return {
      year: get('year'),
      month: get('month'),
      day: get('day'),
      asUtc: Date.UTC(
        get('year'),
        get('month') - 1,
        get('day'),
        get('hour'),
        get('minute'),
        get('second'),
      ),
    };
  };
  const offsetAt = (instant: number) =>
    localParts(instant).asUtc - Math.floor(instant / 1000) * 1000;
  const today = localParts(at.getTime());
  const nextMidnight = Date.UTC(today.year, today.month - 1, today.day + 1);
  // The offset at midnight may differ from the offset now (a DST change during the day): take
  // the offset where the first guess lands, then once more from there.
  const guess = nextMidnight - offsetAt(at.getTime());
  return new Date(nextMidnight - offsetAt(guess));
}
