/** KN-2026-000123: prefix, the year of intake in the org's zone, and a per-org-per-year number. */
export function formatReference(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The year of an instant in a time zone (a complaint at 23:30 on 31 Dec in Hanoi is that year's). */
export function yearIn(at: Date, timeZone: string): number {
  let format = yearFormats.get(timeZone);
  if (!format) {
    // Building a formatter costs far more than using one: one per zone, kept.
    format = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' });
    yearFormats.set(timeZone, format);
  }
  return Number(format.format(at));
}

const yearFormats = new Map<string, Intl.DateTimeFormat>();
