/** The analytics figures from counts: pure, so every definition is tested on known numbers. */

export type Tally = { answers: number; csatSum: number; satisfied: number };

/** The local calendar day (YYYY-MM-DD) of an instant in a zone. */
export function localDateOf(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The default range: the last 90 local days, today included. */
export const DEFAULT_DAYS = 90;
export function defaultRange(now: Date, timeZone: string): { from: string; to: string } {
  const to = localDateOf(now, timeZone);
  return { from: addDays(to, -(DEFAULT_DAYS - 1)), to };
}

/**
 * The 7 × 24 grid, Monday first: every cell is there, a cell without complaints counts 0, and a
 * cell without an answer has no mean (null), never 0.
 */
export function heatmapGrid(
  volume: readonly { weekday: number; hour: number; complaints: number }[],
  answers: readonly (Tally & { weekday: number; hour: number })[],
) {
  const key = (weekday: number, hour: number) => weekday * 100 + hour;
  const counts = new Map(volume.map((v) => [key(v.weekday, v.hour), v.complaints]));
  const tallies = new Map(answers.map((a) => [key(a.weekday, a.hour), a]));
  const cells = [];
  for (let weekday = 1; weekday <= 7; weekday++)
    for (let hour = 0; hour < 24; hour++) {
      const t = tallies.get(key(weekday, hour));
      cells.push({
        weekday,
        hour,
        complaints: counts.get(key(weekday, hour)) ?? 0,
        answers: t?.answers ?? 0,
        csatMean: t && t.answers > 0 ? t.csatSum / t.answers : null,
      });
    }
  return cells;
}

/** Groups with at least one answer, most answers first: mean CSAT and the share of 4 and 5. */
export function csatGroups(
  tallies: readonly (Tally & { key: string | null })[],
  nameOf: (key: string | null) => string,
) {
  return tallies
    .filter((t) => t.answers > 0)
    .map((t) => ({
      key: t.key,
      name: nameOf(t.key),
      answers: t.answers,
      csatMean: t.csatSum / t.answers,
      satisfiedShare: t.satisfied / t.answers,
    }))
    .sort((a, b) => b.answers - a.answers || a.name.localeCompare(b.name));
}

type OutcomeCounts = { firstContact: number; moreContacts: number; unresolved: number };

/**
 * First-contact resolution: first_contact ÷ every complaint first contacted (unresolved ones
 * stay in the denominator); null when there is none.
 */
export function withRate(counts: OutcomeCounts) {
  const complaints = counts.firstContact + counts.moreContacts + counts.unresolved;
  return {
    complaints,
    firstContact: counts.firstContact,
    moreContacts: counts.moreContacts,
    unresolved: counts.unresolved,
    rate: complaints === 0 ? null : counts.firstContact / complaints,
  };
}

/** Every ISO week (its Monday) from the one holding `from` to the one holding `to`. */
export function weeksOf(from: string, to: string): string[] {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const isoDay = new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
  const out: string[] = [];
  for (let w = addDays(from, 1 - isoDay); w <= to; w = addDays(w, 7)) out.push(w);
  return out;
}

/** One row per week of the range (a week without complaints shows 0 of 0, no rate). */
export function outcomeWeeks(
  from: string,
  to: string,
  rows: readonly (OutcomeCounts & { week: string })[],
) {
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  const zero = { firstContact: 0, moreContacts: 0, unresolved: 0 };
  const weeks = weeksOf(from, to).map((week) => ({ week, ...withRate(byWeek.get(week) ?? zero) }));
  const sum = (pick: (r: OutcomeCounts) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return {
    weeks,
    total: withRate({
      firstContact: sum((r) => r.firstContact),
      moreContacts: sum((r) => r.moreContacts),
      unresolved: sum((r) => r.unresolved),
    }),
  };
}

type PromiseCounts = {
  made: number;
  kept: number;
  reopened: number;
  recommitted: number;
  broken: number;
  open: number;
  keptRate: number | null;
};
const noPromises: PromiseCounts = {
  made: 0,
  kept: 0,
  reopened: 0,
  recommitted: 0,
  broken: 0,
  open: 0,
  keptRate: null,
};

/** The ledger's figures per week of the range, a week without promises showing none. */
export function promiseWeeks(
  from: string,
  to: string,
  groups: readonly (PromiseCounts & { group: string })[],
  total: PromiseCounts,
) {
  const pick = (c: PromiseCounts): PromiseCounts => ({
    made: c.made,
    kept: c.kept,
    reopened: c.reopened,
    recommitted: c.recommitted,
    broken: c.broken,
    open: c.open,
    keptRate: c.keptRate,
  });
  const byWeek = new Map(groups.map((g) => [g.group, pick(g)]));
  return {
    weeks: weeksOf(from, to).map((week) => ({ week, ...(byWeek.get(week) ?? noPromises) })),
    total: pick(total),
  };
}

/**
 * The value below which `share` of the values fall, by the nearest-rank method (no
 * interpolation): the smallest value with at least that share at or below it.
 */
export function nearestRank(values: readonly number[], share: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(share * sorted.length)) - 1]!;
}

const minutesOf = (seconds: number | null) =>
  seconds === null ? null : Math.round(seconds / 6) / 10;

/** Median and 90th percentile of the business seconds, in business minutes (one decimal). */
export function clockTime(seconds: readonly number[], cases: number) {
  return {
    measured: seconds.length,
    notStopped: cases - seconds.length,
    medianBusinessMinutes: minutesOf(nearestRank(seconds, 0.5)),
    p90BusinessMinutes: minutesOf(nearestRank(seconds, 0.9)),
  };
}

/** Clock times per week of first contact, and over the whole range. */
export function clockWeeks<K extends string>(
  from: string,
  to: string,
  clocks: readonly K[],
  cases: readonly { complaintId: string; week: string }[],
  durations: readonly { complaintId: string; clock: string; businessSeconds: number }[],
) {
  const weekOf = new Map(cases.map((c) => [c.complaintId, c.week]));
  const figuresOf = (inWeek: (week: string) => boolean) => {
    const n = cases.filter((c) => inWeek(c.week)).length;
    return Object.fromEntries(
      clocks.map((k) => [
        k,
        clockTime(
          durations
            .filter((d) => d.clock === k && inWeek(weekOf.get(d.complaintId) ?? ''))
            .map((d) => d.businessSeconds),
          n,
        ),
      ]),
    ) as Record<K, ReturnType<typeof clockTime>>;
  };
  return {
    weeks: weeksOf(from, to).map((week) => ({ week, ...figuresOf((w) => w === week) })),
    total: figuresOf((w) => w !== ''),
  };
}

type Share = { count: number; share: number | null };
type Compliance = {
  managerUpdate: { fixes: number; onTime: Share; late: Share; missing: Share; open: number };
  verification: {
    fixes: number;
    works: Share;
    reopened: Share;
    unreachable: Share;
    declined: Share;
    open: number;
  };
};

/** The follow-up report's compliance, flattened to the page's columns. */
export function followUpFigures(c: Compliance | undefined) {
  const u = c?.managerUpdate;
  const v = c?.verification;
  const ended = v ? v.works.count + v.reopened.count + v.unreachable.count + v.declined.count : 0;
  return {
    updates: u?.fixes ?? 0,
    updatesOnTime: u?.onTime.count ?? 0,
    updatesLate: u?.late.count ?? 0,
    updatesMissing: u?.missing.count ?? 0,
    updatesOpen: u?.open ?? 0,
    updateComplianceRate: u?.onTime.share ?? null,
    callBacks: v?.fixes ?? 0,
    callBacksWorking: v?.works.count ?? 0,
    callBacksEnded: ended,
    callBacksOpen: v?.open ?? 0,
    verificationRate: v?.works.share ?? null,
  };
}

export function followUpWeeks(
  from: string,
  to: string,
  groups: readonly (Compliance & { group: string })[],
  total: Compliance,
) {
  const byWeek = new Map(groups.map((g) => [g.group, g]));
  return {
    weeks: weeksOf(from, to).map((week) => ({ week, ...followUpFigures(byWeek.get(week)) })),
    total: followUpFigures(total),
  };
}
