/**
 * The promise ledger, as pure functions. A promise is the first commitment made on a complaint;
 * re-commitments move the date but the original is what the customer first heard.
 *
 * - kept: fixed by the original due time.
 * - kept after re-commitment: fixed after the original but by the latest due time.
 * - broken: fixed after the latest due time, or still not fixed once it has passed.
 * - open: not fixed, and the latest due time has not passed.
 * Slip: how far the fix (or, while broken and open, now) came after the original due time.
 */
export const promiseOutcomes = ['open', 'kept', 'kept_after_recommit', 'broken'] as const;
export type PromiseOutcome = (typeof promiseOutcomes)[number];

export type Promise_ = {
  originalDueAt: Date;
  latestDueAt: Date;
  commitments: number;
  fixedAt: Date | null;
};

export function promiseOutcome(
  p: Promise_,
  now: Date,
): { outcome: PromiseOutcome; slipDays: number } {
  const end = p.fixedAt ?? now;
  const slipDays = Math.max(0, (end.getTime() - p.originalDueAt.getTime()) / 86_400_000);
  const round = (d: number) => Math.round(d * 10) / 10;
  if (p.fixedAt === null) {
    return now > p.latestDueAt
      ? { outcome: 'broken', slipDays: round(slipDays) }
      : { outcome: 'open', slipDays: 0 };
  }
  if (p.fixedAt <= p.originalDueAt) return { outcome: 'kept', slipDays: 0 };
  if (p.fixedAt <= p.latestDueAt)
    return { outcome: 'kept_after_recommit', slipDays: round(slipDays) };
  return { outcome: 'broken', slipDays: round(slipDays) };
}

export type LedgerTotals = {
  made: number;
  kept: number;
  keptAfterRecommit: number;
  broken: number;
  open: number;
  keptRate: number | null;
  averageSlipDays: number | null;
};

/**
 * Promise-kept rate = (kept + kept after re-commitment) ÷ decided promises (all but open ones).
 * Average slip is over the promises that slipped.
 */
export function totals(outcomes: { outcome: PromiseOutcome; slipDays: number }[]): LedgerTotals {
  const count = (o: PromiseOutcome) => outcomes.filter((x) => x.outcome === o).length;
  const kept = count('kept');
  const keptAfterRecommit = count('kept_after_recommit');
  const broken = count('broken');
  const open = count('open');
  const decided = kept + keptAfterRecommit + broken;
  const slipped = outcomes.filter((x) => x.slipDays > 0);
  return {
    made: outcomes.length,
    kept,
    keptAfterRecommit,
    broken,
    open,
    keptRate:
      decided === 0 ? null : Math.round(((kept + keptAfterRecommit) / decided) * 1000) / 1000,
    averageSlipDays:
      slipped.length === 0
        ? null
        : Math.round((slipped.reduce((a, x) => a + x.slipDays, 0) / slipped.length) * 10) / 10,
  };
}

/** The value below which `share` of the sorted values fall (nearest-rank). */
export function quantile(values: number[], share: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * The standard duration that would have kept `share` of past promises: the share-quantile of
 * actual fix times, rounded up to whole units. The brief's lesson: a shorter promise that is
 * reliably kept wins over an ambitious one that is broken.
 */
export function suggestDuration(
  actualBusinessHours: number[],
  share: number,
  unit: 'business_hours' | 'business_days',
  hoursPerDay: number,
): number | null {
  if (actualBusinessHours.length < 5) return null;
  const q = quantile(actualBusinessHours, share)!;
  return Math.max(1, Math.ceil(unit === 'business_days' ? q / hoursPerDay : q));
}
